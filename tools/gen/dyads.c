/*
 * dyads.c - sahelmap-gen's "who meets whom": for each sub-event type, which
 * kinds of actor stand as actor1 and actor2, and the interaction code and
 * civilian-targeting flag that follow.
 */
#include "gen.h"

void dyads_draw(Gen *g, Event *e)
{
    Rng *r = &g->rattr;
    const Town *t = &TOWNS[e->town];
    int c = t->country;
    EvActor *a1 = &e->a1, *a2 = &e->a2;
    event_actor_clear(a1);
    event_actor_clear(a2);
    e->has_a2 = 1;
    e->civ_target = 0;

    switch (e->st) {
    case ST_CLASH: {
        double w[6] = {45, 12, 18, 8, 7, 10};
        int p = rng_pick_weighted(r, w, 6);
        if (p == 0) { /* state vs rebels */
            actors_set_state(g, a1, e, 0.08);
            actors_set_rebel(g, a2, e, -1);
        } else if (p == 1) { /* rebels vs rebels */
            actors_set_rebel(g, a1, e, -1);
            actors_set_rebel(g, a2, e, a1->group);
            if (a2->group == 1000 && a1->group == 1000)
                actors_set_state(g, a2, e, 0.0);
        } else if (p == 2) { /* militia vs rebels */
            actors_set_militia(g, a1, e, -1);
            actors_set_rebel(g, a2, e, -1);
        } else if (p == 3) { /* communal */
            actors_set_militia(g, a1, e, -1);
            actors_set_militia(g, a2, e, a1->group);
        } else if (p == 4) { /* external forces */
            if (!actors_set_ext(g, a1, e))
                actors_set_state(g, a1, e, 0.0);
            actors_set_rebel(g, a2, e, -1);
        } else {
            actors_set_state(g, a1, e, 0.1);
            actors_set_unid(a2, c);
        }
        if (rng_chance(r, 0.45)) { /* attacker first: swap half the time */
            EvActor tmp = *a1;
            *a1 = *a2;
            *a2 = tmp;
        }
        break;
    }
    case ST_GRT:
        actors_set_state(g, a1, e, 0.0);
        actors_set_rebel(g, a2, e, -1);
        break;
    case ST_NSAOT:
        actors_set_rebel(g, a1, e, -1);
        if (rng_chance(r, 0.7))
            actors_set_state(g, a2, e, 0.0);
        else
            actors_set_militia(g, a2, e, -1);
        break;
    case ST_IED:
    case ST_SHELL:
    case ST_SUIC:
    case ST_GREN:
    case ST_CHEM: {
        if (e->st == ST_CHEM || (e->st == ST_GREN && rng_chance(r, 0.6)) || rng_chance(r, 0.35))
            actors_set_unid(a1, c);
        else
            actors_set_rebel(g, a1, e, -1);
        double u = rng_u01(r);
        if (u < 0.50)
            actors_set_state(g, a2, e, 0.05);
        else if (u < 0.78)
            actors_set_civ(g, a2, e);
        else if (u < 0.90) {
            if (!actors_set_ext(g, a2, e))
                actors_set_militia(g, a2, e, -1);
        } else
            e->has_a2 = 0;
        break;
    }
    case ST_AIR: {
        if (rng_chance(r, 0.25) && actors_set_ext(g, a1, e) && a1->name[0] == 'M' && a1->name[1] == 'i') {
            /* French air power */
        } else {
            event_actor_clear(a1);
            actors_set_state(g, a1, e, 0.0);
        }
        double u = rng_u01(r);
        if (u < 0.70)
            actors_set_rebel(g, a2, e, -1);
        else if (u < 0.90)
            actors_set_civ(g, a2, e);
        else
            e->has_a2 = 0;
        break;
    }
    case ST_ATTACK:
    case ST_ABDUCT:
    case ST_SEXV: {
        double ps = (c == C_MLI && e->ymd >= 20220101) ? 25 : 15;
        double w[5] = {52, ps, 18, 5, 10};
        int p = rng_pick_weighted(r, w, 5);
        if (p == 0)
            actors_set_rebel(g, a1, e, -1);
        else if (p == 1)
            actors_set_state(g, a1, e, 0.1);
        else if (p == 2)
            actors_set_militia(g, a1, e, -1);
        else if (p == 3) {
            if (!actors_set_ext(g, a1, e))
                actors_set_rebel(g, a1, e, -1);
        } else
            actors_set_unid(a1, c);
        actors_set_civ(g, a2, e);
        break;
    }
    case ST_PEACE:
        actors_set_demo(g, a1, e, 0);
        e->has_a2 = 0;
        break;
    case ST_INTERV:
    case ST_EXCESS:
        actors_set_demo(g, a1, e, 0);
        actors_set_state(g, a2, e, 0.7);
        break;
    case ST_VIOLDEMO:
        actors_set_demo(g, a1, e, 1);
        if (rng_chance(r, 0.5))
            actors_set_state(g, a2, e, 0.8);
        else
            e->has_a2 = 0;
        break;
    case ST_MOB:
        actors_set_demo(g, a1, e, 1);
        if (rng_chance(r, 0.7))
            actors_set_civ(g, a2, e);
        else
            e->has_a2 = 0;
        break;
    case ST_ARREST:
        if (rng_chance(r, 0.85))
            actors_set_state(g, a1, e, 0.5);
        else
            actors_set_rebel(g, a1, e, -1);
        if (rng_chance(r, 0.6))
            actors_set_civ(g, a2, e);
        else if (a1->inter == 1 && rng_chance(r, 0.5))
            actors_set_rebel(g, a2, e, -1);
        else
            e->has_a2 = 0;
        break;
    case ST_AGREE:
        if (rng_chance(r, 0.5))
            actors_set_gov(a1, e);
        else
            actors_set_militia(g, a1, e, -1);
        if (rng_chance(r, 0.5))
            actors_set_rebel(g, a2, e, -1);
        else
            actors_set_militia(g, a2, e, a1->group);
        break;
    case ST_CHANGE:
        if (rng_chance(r, 0.7))
            actors_set_rebel(g, a1, e, -1);
        else
            actors_set_state(g, a1, e, 0.1);
        e->has_a2 = 0;
        break;
    case ST_DISRUPT:
        if (rng_chance(r, 0.15) && actors_set_ext(g, a1, e)) {
        } else {
            event_actor_clear(a1);
            actors_set_state(g, a1, e, 0.05);
        }
        if (rng_chance(r, 0.4))
            actors_set_rebel(g, a2, e, -1);
        else
            e->has_a2 = 0;
        break;
    case ST_HQ: {
        double u = rng_u01(r);
        if (u < 0.5)
            actors_set_rebel(g, a1, e, -1);
        else if (u < 0.9 || !actors_set_ext(g, a1, e))
            actors_set_state(g, a1, e, 0.0);
        e->has_a2 = 0;
        break;
    }
    case ST_LOOT: {
        double u = rng_u01(r);
        if (u < 0.6)
            actors_set_rebel(g, a1, e, -1);
        else if (u < 0.8)
            actors_set_unid(a1, c);
        else
            actors_set_militia(g, a1, e, -1);
        if (rng_chance(r, 0.7))
            actors_set_civ(g, a2, e);
        else
            e->has_a2 = 0;
        break;
    }
    case ST_NVT: {
        double u = rng_u01(r);
        if (u < 0.5)
            actors_set_rebel(g, a1, e, -1);
        else if (u < 0.85 || !actors_set_ext(g, a1, e))
            actors_set_state(g, a1, e, 0.0);
        if (rng_chance(r, 0.4)) {
            if (a1->inter == 2)
                actors_set_state(g, a2, e, 0.0);
            else
                actors_set_rebel(g, a2, e, -1);
        } else
            e->has_a2 = 0;
        break;
    }
    default: /* ST_OTHER */
        if (rng_chance(r, 0.5))
            actors_set_rebel(g, a1, e, -1);
        else
            actors_set_state(g, a1, e, 0.3);
        e->has_a2 = 0;
        break;
    }

    if (!e->has_a2)
        event_actor_clear(a2);
    int i1 = a1->inter, i2 = e->has_a2 ? a2->inter : 0;
    if (!i2)
        e->interaction = i1 * 10;
    else
        e->interaction = (i1 < i2) ? i1 * 10 + i2 : i2 * 10 + i1;
    if (e->et == ET_VAC || e->st == ST_EXCESS ||
        (e->has_a2 && a2->inter == 7 && (e->et == ET_EXP || e->st == ST_MOB)))
        e->civ_target = 1;
}
