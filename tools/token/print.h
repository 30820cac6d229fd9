/* SPDX-License-Identifier: GPL-2.0-only */
/* Text and JSON reports of a verified token. */
#ifndef TOKEN_PRINT_H
#define TOKEN_PRINT_H

#include <stdio.h>

#include "token.h"

void print_text(FILE *f, const struct cca_token *t);
void print_json(FILE *f, const struct cca_token *t);

#endif /* TOKEN_PRINT_H */
