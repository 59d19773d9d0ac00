/*
 * ASCII character classes and case folding, independent of the locale:
 * connector files are UTF-8, and a byte of a multi-byte character is
 * never a letter, a digit or a blank here.
 */
#ifndef CL_ASCII_H
#define CL_ASCII_H

#include <stdbool.h>

static inline bool
cl_ascii_isalpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool
cl_ascii_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
cl_ascii_isalnum(char c)
{
	return cl_ascii_isalpha(c) || cl_ascii_isdigit(c);
}

/* XML white space (S in XML 1.0 section 2.3). */
static inline bool
cl_ascii_isblank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* true when S holds only white space (or nothing). */
static inline bool
cl_ascii_all_blank(const char *s)
{
	for (; *s; s++)
		if (!cl_ascii_isblank(*s))
			return false;
	return true;
}

static inline char
cl_ascii_tolower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

#endif /* CL_ASCII_H */
