/*
 * event.c - sahelmap-gen's event record helpers: clearing an actor and
 * adding associated actors to it.  The Event and EvActor types are in gen.h.
 */
#include "gen.h"

void event_actor_clear(EvActor *a)
{
    a->name = "";
    a->nn = "";
    a->inter = 0;
    a->group = -1;
    a->assoc[0] = 0;
    a->nnbuf[0] = 0;
}

void event_assoc_add(EvActor *a, const char *s)
{
    if (strstr(a->assoc, s))
        return;
    size_t n = strlen(a->assoc), l = strlen(s);
    if (n + l + 3 >= sizeof a->assoc)
        return;
    if (n) {
        memcpy(a->assoc + n, "; ", 2);
        n += 2;
    }
    memcpy(a->assoc + n, s, l + 1);
}
