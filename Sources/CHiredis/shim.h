// hiredis, the C client of Redis, from the system (Debian: libhiredis-dev).
#ifndef SWITCHBOARD_CHIREDIS_SHIM_H
#define SWITCHBOARD_CHIREDIS_SHIM_H
#include <hiredis/hiredis.h>
#endif
