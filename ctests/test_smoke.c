/* test_smoke.c: the end-to-end path every other test relies on. */
#include "common.h"

static JSVM_Value Twice(JSVM_Env env, JSVM_CallbackInfo info)
{
    size_t argc = 1;
    JSVM_Value arg, out;
    double d = 0;
    CHECK_OK(env, OH_JSVM_GetCbInfo(env, info, &argc, &arg, NULL, NULL));
    CHECK_OK(env, OH_JSVM_GetValueDouble(env, arg, &d));
    CHECK_OK(env, OH_JSVM_CreateDouble(env, d * 2, &out));
    return out;
}
static JSVM_CallbackStruct twice_cb = {Twice, NULL};

static void global_native_function(void)
{
    JSVM_PropertyDescriptor d[] = {{"twice", NULL, &twice_cb, NULL, NULL, NULL, JSVM_DEFAULT}};
    jt_fixture f;
    jt_setup_with(&f, 1, d);
    JT_ASSERT_JS(f.env, "twice(21) === 42");
    JT_ASSERT_JS(f.env, "typeof twice === 'function' && twice.name === 'twice'");
    jt_teardown(&f);
}

static void script_result(void)
{
    jt_fixture f;
    jt_setup(&f);
    JSVM_Value r = JT_RUN(f.env, "'a' + 'b'");
    EXPECT_STREQ(jt_str(f.env, r), "ab");
    jt_teardown(&f);
}

JT_MAIN("smoke", JT_TEST(global_native_function), JT_TEST(script_result))
