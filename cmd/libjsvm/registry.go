package main

/*
#include <stdlib.h>
#include "ops.h"
*/
import "C"

import (
	"sync"

	"github.com/libjsvm/libjsvm/pkg/handles"
	"github.com/libjsvm/libjsvm/pkg/status"
)

// registry owns the process-wide state: whether OH_JSVM_Init ran, and the
// live VMs with their envs, so that DestroyVM can release envs the user
// forgot (QuickJS aborts the process if a runtime is freed with live values).
//
// VMs and envs are C structs (the C core needs them without calling Go).
// Each carries its id in the registry's tables (the `id` field), and an
// API call on a destroyed VM or env that still reads a matching id is
// recognised by the id's generation. Hot paths never touch the registry.
type registry struct {
	mu          sync.Mutex
	initialized bool
	externalRef *C.intptr_t // JSVM_InitOptions.externalReferences (snapshots)
	vms         handles.Table[*vmState]
}

type vmState struct {
	vm   C.JSVM_VM
	envs handles.Table[C.JSVM_Env]
}

var reg registry

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
	vm.id = C.uint32_t(r.vms.Add(&vmState{vm: vm}))
	r.mu.Unlock()
}

// vmOf is the registry entry of vm, or nil if vm is not a live VM.
func (r *registry) vmOf(vm C.JSVM_VM) *vmState {
	s, ok := r.vms.Get(handles.ID(vm.id))
	if !ok || s.vm != vm {
		return nil
	}
	return s
}

// removeVM forgets vm and returns the envs still alive in it; false if vm is
// not a live VM.
func (r *registry) removeVM(vm C.JSVM_VM) ([]C.JSVM_Env, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.vmOf(vm)
	if s == nil {
		return nil, false
	}
	r.vms.Delete(handles.ID(vm.id))
	return s.liveEnvs(), true
}

// envsOf returns the live envs of vm (nil if vm is not a live VM).
func (r *registry) envsOf(vm C.JSVM_VM) []C.JSVM_Env {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s := r.vmOf(vm); s != nil {
		return s.liveEnvs()
	}
	return nil
}

func (s *vmState) liveEnvs() []C.JSVM_Env {
	envs := make([]C.JSVM_Env, 0, s.envs.Len())
	s.envs.Each(func(_ handles.ID, e C.JSVM_Env) { envs = append(envs, e) })
	return envs
}

func (r *registry) hasVM(vm C.JSVM_VM) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.vmOf(vm) != nil
}

func (r *registry) addEnv(vm C.JSVM_VM, env C.JSVM_Env) {
	r.mu.Lock()
	env.id = C.uint32_t(r.vmOf(vm).envs.Add(env))
	r.mu.Unlock()
}

// removeEnv forgets env; false if it is not live (double destroy).
func (r *registry) removeEnv(env C.JSVM_Env) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.vmOf(env.vm)
	if s == nil {
		return false
	}
	if e, ok := s.envs.Get(handles.ID(env.id)); !ok || e != env {
		return false
	}
	s.envs.Delete(handles.ID(env.id))
	return true
}
