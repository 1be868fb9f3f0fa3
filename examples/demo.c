/*
 * demo.c: a first JSVM-API program. It creates a VM and an environment whose
 * global object has two native functions, runs a script that calls them, and
 * tears everything down. Uses only the public header.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ark_runtime/jsvm.h"

#define CHECK(call)                                                        \
    do {                                                                   \
        JSVM_Status st_ = (call);                                          \
        if (st_ != JSVM_OK) {                                              \
            fprintf(stderr, "%s failed: status %d\n", #call, (int)st_);    \
            exit(1);                                                       \
        }                                                                  \
    } while (0)

/* add(a, b): the sum of two numbers, computed in C. */
static JSVM_Value Add(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 2;
    JSVM_Value argv[2];
    double a, b;
    JSVM_Value sum;
    CHECK(OH_JSVM_GetCbInfo(env, info, &argc, argv, NULL, NULL));
    if (OH_JSVM_GetValueDouble(env, argv[0], &a) != JSVM_OK ||
        OH_JSVM_GetValueDouble(env, argv[1], &b) != JSVM_OK) {
        OH_JSVM_ThrowTypeError(env, NULL, "add() takes two numbers");
        return NULL;
    }
    CHECK(OH_JSVM_CreateDouble(env, a + b, &sum));
    return sum;
}

/* print(s): writes a line from JS to stdout. */
static JSVM_Value Print(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1, len = 0;
    JSVM_Value arg;
    char buf[256];
    CHECK(OH_JSVM_GetCbInfo(env, info, &argc, &arg, NULL, NULL));
    if (OH_JSVM_GetValueStringUtf8(env, arg, buf, sizeof buf, &len) == JSVM_OK)
        printf("  js says: %s\n", buf);
    return NULL;
}

static JSVM_CallbackStruct addCb = {Add, NULL};
static JSVM_CallbackStruct printCb = {Print, NULL};

int main(void)
{
    JSVM_PropertyDescriptor globals[] = {
        {"add", NULL, &addCb, NULL, NULL, NULL, JSVM_DEFAULT},
        {"print", NULL, &printCb, NULL, NULL, NULL, JSVM_DEFAULT},
    };
    JSVM_VMInfo info;
    JSVM_VM vm;
    JSVM_VMScope vmScope;
    JSVM_Env env;
    JSVM_EnvScope envScope;
    JSVM_HandleScope scope;
    JSVM_Value source, result;
    JSVM_Script script;
    char out[256];
    size_t len;

    CHECK(OH_JSVM_Init(NULL));
    CHECK(OH_JSVM_GetVMInfo(&info));
    printf("libjsvm demo on %s %s\n", info.engine, info.version);

    CHECK(OH_JSVM_CreateVM(NULL, &vm));
    CHECK(OH_JSVM_OpenVMScope(vm, &vmScope));
    CHECK(OH_JSVM_CreateEnv(vm, sizeof globals / sizeof globals[0], globals, &env));
    CHECK(OH_JSVM_OpenEnvScope(env, &envScope));
    CHECK(OH_JSVM_OpenHandleScope(env, &scope));

    const char *js =
        "print('computing 2 + 40 natively');\n"
        "const answer = add(2, 40);\n"
        "let caught = '';\n"
        "try { add('x'); } catch (e) { caught = e.name + ': ' + e.message; }\n"
        "`answer = ${answer}; bad call gave ${caught}`;\n";
    printf("running:\n%s", js);
    CHECK(OH_JSVM_CreateStringUtf8(env, js, JSVM_AUTO_LENGTH, &source));
    CHECK(OH_JSVM_CompileScript(env, source, NULL, 0, true, NULL, &script));
    CHECK(OH_JSVM_RunScript(env, script, &result));
    CHECK(OH_JSVM_GetValueStringUtf8(env, result, out, sizeof out, &len));
    printf("result: %s\n", out);

    CHECK(OH_JSVM_CloseHandleScope(env, scope));
    CHECK(OH_JSVM_CloseEnvScope(env, envScope));
    CHECK(OH_JSVM_DestroyEnv(env));
    CHECK(OH_JSVM_CloseVMScope(vm, vmScope));
    CHECK(OH_JSVM_DestroyVM(vm));
    printf("torn down cleanly\n");
    return 0;
}
