/*
 * napi_header.c: include/napi/native_api.h compiles as C and C++ under every
 * compiler with -Wall -Wextra -Werror -pedantic, in either order with
 * ark_runtime/jsvm.h (both define EXTERN_C_START/END), and keeps the layout
 * and values of OpenHarmony's header. Compiled only, never run.
 */
#if NAPI_FIRST
#include "napi/native_api.h"
#include "ark_runtime/jsvm.h"
#else
#include "ark_runtime/jsvm.h"
#include "napi/native_api.h"
#endif

#ifdef __cplusplus
#define ASSERT(cond) static_assert(cond, #cond)
#else
#define ASSERT(cond) _Static_assert(cond, #cond)
#endif

ASSERT(NAPI_AUTO_LENGTH == SIZE_MAX);
ASSERT(NAPI_MODULE_VERSION == 1);
ASSERT(napi_ok == 0 && napi_pending_exception == 10 && napi_would_deadlock == 21);
ASSERT((int)napi_pending_exception == (int)JSVM_PENDING_EXCEPTION);
ASSERT(napi_external == 8 && napi_bigint == 9);
ASSERT(napi_default == 0 && napi_writable == 1 && napi_enumerable == 2 && napi_configurable == 4);
ASSERT(napi_static == 1024 && napi_default_method == 5 && napi_default_jsproperty == 7);
/* LP64 (x86_64, aarch64): the attributes enum is padded to a pointer. */
ASSERT(sizeof(napi_property_descriptor) == 8 * sizeof(void *));
ASSERT(sizeof(napi_module) == 2 * sizeof(int) + 8 * sizeof(void *));

static napi_value Init(napi_env env, napi_value exports)
{
    napi_property_descriptor desc[] = {
        {"value", NULL, NULL, NULL, NULL, exports, napi_default, NULL},
    };
    napi_define_properties(env, exports, sizeof(desc) / sizeof(desc[0]), desc);
    return exports;
}

NAPI_MODULE(header_check, Init)

EXTERN_C_START
int napi_header_check(void);
EXTERN_C_END

int napi_header_check(void)
{
    return 0;
}
