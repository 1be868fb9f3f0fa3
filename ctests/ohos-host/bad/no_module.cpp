// no_module.cpp: defines a module but never registers it (no constructor
// calls napi_module_register), a common porting slip.
#include "napi/native_api.h"

static napi_value Init(napi_env env, napi_value exports)
{
    return exports;
}

static napi_module demoModule = {
    .nm_version = 1,
    .nm_flags = 0,
    .nm_filename = nullptr,
    .nm_register_func = Init,
    .nm_modname = "entry",
    .nm_priv = nullptr,
    .reserved = {0},
};

// Missing __attribute__((constructor)): nothing calls this.
extern "C" void RegisterEntryModule(void)
{
    napi_module_register(&demoModule);
}
