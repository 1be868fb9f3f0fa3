package main

/*
#include <stdlib.h>
#include "ops.h"
*/
import "C"

import (
	"sync"

	"github.com/libjsvm/libjsvm/pkg/status"
)

// registry owns the process-wide state: whether OH_JSVM_Init ran, and the
// live VMs with their envs, so that DestroyVM can release envs the user
// forgot (QuickJS aborts the process if a runtime is freed with live values).
//
// VMs and envs are C structs (the C core needs them without calling Go);
// the registry only tracks which ones are alive. Lookups on the hot paths
// never touch it.
type registry struct {
	mu          sync.Mutex
	initialized bool
	externalRef *C.intptr_t // JSVM_InitOptions.externalReferences (snapshots)
	vms         map[C.JSVM_VM]*vmState
}

type vmState struct {
	envs map[C.JSVM_Env]struct{}
}

var reg = registry{vms: map[C.JSVM_VM]*vmState{}}

// initOnce performs OH_JSVM_Init: true for the first call in the process.
func (r *registry) initOnce(opts *C.JSVM_InitOptions) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.initialized {
		return false
	}
	r.initialized = true
	for i := 1; i < status.Count; i++ {
		C.jsvm_status_messages[i] = C.CString(status.Code(i).Message()) // lives for the process
	}
	if opts != nil {
		r.externalRef = opts.externalReferences
	}
	return true
}

func (r *registry) isInitialized() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.initialized
}

func (r *registry) addVM(vm C.JSVM_VM) {
	r.mu.Lock()
	r.vms[vm] = &vmState{envs: map[C.JSVM_Env]struct{}{}}
	r.mu.Unlock()
}

// removeVM forgets vm and returns the envs still alive in it; false if vm is
// not a live VM.
func (r *registry) removeVM(vm C.JSVM_VM) ([]C.JSVM_Env, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.vms[vm]
	if !ok {
		return nil, false
	}
	delete(r.vms, vm)
	envs := make([]C.JSVM_Env, 0, len(s.envs))
	for e := range s.envs {
		envs = append(envs, e)
	}
	return envs, true
}

func (r *registry) hasVM(vm C.JSVM_VM) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.vms[vm]
	return ok
}

func (r *registry) addEnv(vm C.JSVM_VM, env C.JSVM_Env) {
	r.mu.Lock()
	r.vms[vm].envs[env] = struct{}{}
	r.mu.Unlock()
}

// removeEnv forgets env; false if it is not live (double destroy).
func (r *registry) removeEnv(env C.JSVM_Env) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.vms[env.vm]
	if !ok {
		return false
	}
	if _, ok := s.envs[env]; !ok {
		return false
	}
	delete(s.envs, env)
	return true
}
