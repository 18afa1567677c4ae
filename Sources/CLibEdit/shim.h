// The system libedit API (BSD editline), exposed to SwiftPM as CLibEdit.
#ifndef CLIBEDIT_SHIM_H
#define CLIBEDIT_SHIM_H

#include <histedit.h>

#endif
