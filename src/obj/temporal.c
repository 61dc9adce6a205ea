/* temporal.c -- the calendar: days since 2000.01.01 to and from year/month/day.
 * Proleptic Gregorian, the civil-from-days method (era of 400 years = 146097 days). */
#include "obj.h"

/* 2000.01.01 is day 10957 after 1970.01.01 */
#define DAYS_1970_TO_2000 10957

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

void date_to_ymd(I days, I *y, I *m, I *d) {
    int64_t z = (int64_t)days + DAYS_1970_TO_2000 + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t yy = (int64_t)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned dd = doy - (153 * mp + 2) / 5 + 1;
    unsigned mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (I)(yy + (mm <= 2));
    *m = (I)mm;
    *d = (I)dd;
}

I ymd(I y, I m, I d) { return (I)(days_from_civil(y, (unsigned)m, (unsigned)d) - DAYS_1970_TO_2000); }

/* dj: the date as the integer yyyymmdd */
I dj(I days) {
    I y, m, d;
    date_to_ymd(days, &y, &m, &d);
    return y * 10000 + m * 100 + d;
}
