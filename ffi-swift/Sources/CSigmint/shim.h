/* The C module CSigmint is the installed sigmint.h, found on the include path pkg-config gives
 * (`pkg-config --cflags sigmint`: -IDIR/include). */
#include <sigmint.h>
