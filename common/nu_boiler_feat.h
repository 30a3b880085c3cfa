#ifndef NU_BOILER_FEAT_H
#define NU_BOILER_FEAT_H

#include <stddef.h>

#include "nu_boiler.h"
#include "nu_learn.h"

/*
 * The line-role model of strip-boilerplate (issue 13): the features of a
 * page's lines for the shared learner (nu_learn), and how the model's
 * labels and the rules' roles combine.  Training (the "line-role" task of
 * newsutils-train) and prediction (nu_boiler_classify) call the same
 * nu_boiler_feat_page, so the two cannot drift.
 *
 * The model labels each non-blank line of a page "content", "title" or
 * "boilerplate": whether the line is kept.  The rules' roles are among
 * its features (a strong vote where the page looks like crawler text),
 * and they still name what a dropped line is (related-title, share...).
 */

/* The model's labels, in the order of the task table. */
enum { NU_LR_CONTENT, NU_LR_TITLE, NU_LR_BOILER, NU_LR_NLABELS };
extern const char *const nu_line_role_labels[NU_LR_NLABELS];

/* The label a --roles role name trains (any kept role is content). */
int	nu_line_role_of(const char *role, size_t n);

struct nu_boiler_feat;

struct nu_boiler_feat	*nu_boiler_feat_new(void);
void	nu_boiler_feat_free(struct nu_boiler_feat *bf);

/*
 * Features of the non-blank lines of the page l[a..e), whose rule roles
 * nu_boiler_classify has set.  *items gets one feature set per non-blank
 * line, *idx its line index; both are owned by bf and valid until the
 * next call.  Returns how many.
 */
size_t	nu_boiler_feat_page(struct nu_boiler_feat *bf,
	    const struct nu_bline *l, size_t a, size_t e,
	    struct nu_feats **items, size_t **idx);

/*
 * Whether the lines l[a..e), whose rule roles are set, read as one page
 * rendered from HTML (menus and bulleted lists, prose far from the top)
 * rather than crawler text: the model then labels them as one page,
 * whatever pages the rules found inside (training does the same).
 */
int	nu_boiler_feat_rendered(struct nu_boiler_feat *bf,
	    const struct nu_bline *l, size_t a, size_t e);

/*
 * nu_boiler_feat_rendered keeps the shapes of the lines it measured, so
 * that nu_boiler_feat_apply on pages among them does not measure them
 * again; they stand for l[a..e) as they were (text and rule roles) until
 * nu_boiler_feat_forget, to be called before those lines change.
 */
void	nu_boiler_feat_forget(struct nu_boiler_feat *bf);

/*
 * Label the page l[a..e) with model m and set each line's role: the
 * model decides kept or dropped, the rules name the role.  An image file
 * name stays an image line whatever the model says.  With rendered_only
 * (a model whose "pages" meta line is "rendered", as the shipped one),
 * a page that reads as crawler text (prose from its first lines, no
 * bulleted lists) is left to the rules.
 */
void	nu_boiler_feat_apply(struct nu_boiler_feat *bf,
	    const struct nu_model *m, int rendered_only, struct nu_bline *l,
	    size_t a, size_t e);

/*
 * The "line-role" task of newsutils-train (nu_task.h): one record
 * {"lines": [{"role": ROLE, "text": LINE}, ...]} is a page labelled as
 * strip-boilerplate --roles prints it.  The lines go through the rules
 * as text mode sends them (pages found inside too), then each page's
 * non-blank lines are one training sequence.
 */
struct nu_task;
struct nu_jdoc;
int	nu_line_role_examples(const struct nu_task *self,
	    const struct nu_jdoc *d,
	    void (*emit)(void *, const struct nu_feats *, const size_t *,
	    size_t), void *ctx, char *err, size_t errlen);

#endif
