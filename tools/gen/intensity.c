/*
 * intensity.c - sahelmap-gen's intensity model: how many events a year,
 * and how the weight shifts between countries and zones over the years.
 */
#include "gen.h"

/* Approximate yearly event volume (Mali + Burkina Faso + Niger). */
static const double YEAR_W[] = {
    60,  60,  50,  50,  45,  45,  50,  55,  60,  80,   /* 1997-2006 */
    150, 180, 130, 110, 220, 900, 1000, 550, 800, 900, /* 2007-2016 */
    1300, 2300, 3300, 4200, 4600, 6400, 6800, 6600     /* 2017-2024 */
};

double intensity_year(int y)
{
    if (y < 1997)
        return YEAR_W[0];
    if (y > 2024)
        return YEAR_W[NELEM(YEAR_W) - 1];
    return YEAR_W[y - 1997];
}

double intensity_country(int c, int y)
{
    switch (c) {
    case C_MLI:
        if (y < 2012) return 0.6;
        if (y == 2012) return 3.0;
        if (y == 2013) return 2.5;
        if (y < 2018) return 1.6;
        return 1.0;
    case C_BFA:
        if (y < 2015) return 0.2;
        if (y == 2015) return 0.35;
        if (y == 2016) return 0.5;
        if (y == 2017) return 0.8;
        if (y == 2018) return 1.1;
        if (y < 2024) return 1.4;
        return 1.3;
    default:
        if (y < 2007) return 0.4;
        if (y < 2010) return 0.8;
        if (y < 2015) return 0.4;
        if (y < 2018) return 0.7;
        if (y < 2021) return 0.9;
        return 1.15;
    }
}

double intensity_zone(int z, int y)
{
    switch (z) {
    case Z_NORTH:
        return (y >= 2012 && y <= 2014) ? 2.5 : 1.0;
    case Z_CENTER:
        return y < 2015 ? (y == 2013 ? 0.5 : 0.25) : 1.0;
    case Z_LIPTAKO:
        return y < 2016 ? 0.5 : 1.0;
    case Z_LAKE:
        return y < 2015 ? 0.1 : (y < 2018 ? 2.0 : 1.0);
    case Z_AIR:
        return (y >= 2007 && y <= 2009) ? 8.0 : 1.0;
    case Z_BFEST:
        return y < 2018 ? 0.3 : 1.0;
    default:
        return 1.0;
    }
}
