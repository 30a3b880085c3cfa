#ifndef NU_PAIRSET_H
#define NU_PAIRSET_H

/*
 * A set of byte pairs, one bit each (8 KiB): the first two bytes the
 * words or phrases of a list open with (the second 0 for one of one
 * byte), so a probe that opens as none does is refused before the list
 * is searched or the probe lowered.  Zeroed, it is empty.
 */
struct nu_pairset {
	unsigned char	bit[8192];
};

static inline void
nu_pairset_add(struct nu_pairset *ps, unsigned b0, unsigned b1)
{
	unsigned b = (b0 & 0xFF) << 8 | (b1 & 0xFF);

	ps->bit[b >> 3] |= (unsigned char)(1u << (b & 7));
}

static inline int
nu_pairset_has(const struct nu_pairset *ps, unsigned b0, unsigned b1)
{
	unsigned b = (b0 & 0xFF) << 8 | (b1 & 0xFF);

	return ps->bit[b >> 3] >> (b & 7) & 1;
}

#endif
