package main

/*
#include "ops.h"
*/
import "C"

// jsvmCreateEnv implements OH_JSVM_CreateEnv. Descriptors are installed on
// the global object (JSVM_STATIC entries skipped); their JSVM_CallbackStruct
// pointers are kept, not copied, so they must outlive the env.
//
//export jsvmCreateEnv
func jsvmCreateEnv(vm C.JSVM_VM, propertyCount C.size_t, properties *C.JSVM_PropertyDescriptor, result *C.JSVM_Env) (st C.JSVM_Status) {
	defer guard(&st)
	if vm == nil || result == nil || (propertyCount > 0 && properties == nil) {
		return stInvalidArg
	}
	if !reg.hasVM(vm) {
		return stInvalidArg
	}
	var env C.JSVM_Env
	if st = C.jsvm_op_create_env(vm, propertyCount, properties, &env); st != stOK {
		return st
	}
	reg.addEnv(vm, env)
	if s := reg.state(vm); s != nil && s.snapshotting {
		startJournal(env, propertyCount, properties)
	}
	*result = env
	return stOK
}

// jsvmDestroyEnv implements OH_JSVM_DestroyEnv: every value, script and
// pending exception of env is released and queued finalizers run. A held VM
// lock is released. The env must not be used afterwards.
//
//export jsvmDestroyEnv
func jsvmDestroyEnv(env C.JSVM_Env) (st C.JSVM_Status) {
	defer guard(&st)
	if env == nil || !reg.removeEnv(env) {
		return stInvalidArg
	}
	C.jsvm_unlock_if_owner(env.vm)
	C.jsvm_env_free(env)
	return stOK
}

// jsvmAdjustExternalMemory implements OH_JSVM_AdjustExternalMemory: the VM's
// running total of native memory kept alive by JS objects.
//
//export jsvmAdjustExternalMemory
func jsvmAdjustExternalMemory(env C.JSVM_Env, changeInBytes C.int64_t, result *C.int64_t) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if result == nil {
		return stInvalidArg
	}
	total := env.vm.external_memory + changeInBytes
	if total < 0 {
		total = 0
	}
	env.vm.external_memory = total
	*result = total
	return stOK
}

// jsvmMemoryPressureNotification implements OH_JSVM_MemoryPressureNotification:
// NONE only drains queued finalizers; MODERATE runs a full GC; CRITICAL and
// LOW_MEMORY run the collector twice (collecting what the first pass
// released), then drain finalizers. The VM's GC and heap-threshold callbacks
// run around the collection (flags FORCED, or COLLECT_ALL_AVAILABLE_GARBAGE
// for the critical levels).
//
//export jsvmMemoryPressureNotification
func jsvmMemoryPressureNotification(env C.JSVM_Env, level C.JSVM_MemoryPressureLevel) (st C.JSVM_Status) {
	if env == nil {
		return stInvalidArg
	}
	defer exit(env, &st)
	if level < C.JSVM_MEMORY_PRESSURE_LEVEL_NONE || level > C.JSVM_MEMORY_PRESSURE_LEVEL_LOW_MEMORY {
		return stInvalidArg
	}
	C.jsvm_op_gc(env, C.int(level))
	return stOK
}
