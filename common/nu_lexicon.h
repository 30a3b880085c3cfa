#ifndef NU_LEXICON_H
#define NU_LEXICON_H

#include <stddef.h>

/*
 * Lexicons are the text files of common/lexicons/, one entry per line,
 * compiled into the programs (build/lexicons.c, made by
 * scripts/embed-lexicons).  A --lexicon-dir DIR adds the entries of
 * DIR/NAME to the compiled-in NAME, so users extend lists without a
 * rebuild.
 */

/* Set the extension directory (NULL: none).  Call before loading. */
void	nu_lexicon_set_dir(const char *dir);
/* The extension directory, or NULL. */
const char	*nu_lexicon_dir(void);

/*
 * The compiled-in text of lexicon name ("stopwords-vi.txt"), or NULL with
 * *len 0 if there is none.
 */
const char	*nu_lexicon_builtin(const char *name, size_t *len);

/*
 * Call fn(entry, len, arg) for every non-empty line of lexicon name: the
 * compiled-in lines, then those of DIR/name if the extension directory has
 * that file.  Lines are trimmed of surrounding blanks and a final '\r'; a
 * line starting with '#' is a comment.  Returns the number of entries.
 */
size_t	nu_lexicon_each(const char *name,
	    void (*fn)(const char *entry, size_t len, void *arg), void *arg);

/* A set of strings with fast membership, optionally case-folded. */
struct nu_wordset;

/*
 * Load lexicon name into a new set.  With fold set, entries are stored in
 * lowercase and nu_wordset_has lowercases the probe.  Never NULL (an
 * unknown lexicon gives an empty set).
 */
struct nu_wordset	*nu_wordset_load(const char *name, int fold);
struct nu_wordset	*nu_wordset_new(int fold);
void	nu_wordset_add(struct nu_wordset *ws, const char *s, size_t n);
int	nu_wordset_has(const struct nu_wordset *ws, const char *s, size_t n);
size_t	nu_wordset_size(const struct nu_wordset *ws);
void	nu_wordset_free(struct nu_wordset *ws);

#endif
