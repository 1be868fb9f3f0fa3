package main

/*
#include <stdlib.h>
#include "ops.h"
*/
import "C"

import (
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/libjsvm/libjsvm/pkg/handles"
	"github.com/libjsvm/libjsvm/pkg/snapshot"
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
	ext         atomic.Pointer[extRefTable] // JSVM_InitOptions.externalReferences (snapshots)
	vms         handles.Table[*vmState]
	blobs       []unsafe.Pointer // snapshot blobs handed out: they live as long as the process
}

type vmState struct {
	vm   C.JSVM_VM
	envs handles.Table[C.JSVM_Env]
	// startup snapshots (journal.go)
	snapshotting bool                    // created with isForSnapshotting: envs keep journals
	journals     map[C.JSVM_Env]*journal // the journals of its envs
	blob         *snapshot.Blob          // the snapshot it was created from, if any
	kept         []unsafe.Pointer        // C memory replays handed to the library (freed with the VM)
}

var reg registry

// initOnce performs OH_JSVM_Init: true for the first call in the process.
func (r *registry) initOnce(opts *C.JSVM_InitOptions) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.initialized {
		// Still refused, but a table of external references is taken if
		// the first call gave none: a host that must initialize the
		// library before loading the module that owns the table (as
		// jsvm-ohos-run does) can pass it on (docs/deviations.md).
		if opts != nil && opts.externalReferences != nil && len(r.extRefs().list) == 0 {
			r.ext.Store(newExtRefTable(opts.externalReferences))
		}
		return false
	}
	r.initialized = true
	for i := 1; i < status.Count; i++ {
		C.jsvm_status_messages[i] = C.CString(status.Code(i).Message()) // lives for the process
	}
	var table *C.intptr_t
	if opts != nil {
		table = opts.externalReferences
	}
	r.ext.Store(newExtRefTable(table))
	return true
}

// extRefs is the external-reference table of OH_JSVM_Init (empty before).
func (r *registry) extRefs() *extRefTable {
	if t := r.ext.Load(); t != nil {
		return t
	}
	return &extRefTable{index: map[uintptr]int{}}
}

func (r *registry) isInitialized() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.initialized
}

func (r *registry) addVM(vm C.JSVM_VM, snapshotting bool, blob *snapshot.Blob) {
	r.mu.Lock()
	s := &vmState{vm: vm, snapshotting: snapshotting, blob: blob}
	if snapshotting {
		s.journals = map[C.JSVM_Env]*journal{}
	}
	vm.id = C.uint32_t(r.vms.Add(s))
	r.mu.Unlock()
}

// state is vm's registry entry (nil if vm is not a live VM).
func (r *registry) state(vm C.JSVM_VM) *vmState {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.vmOf(vm)
}

// journalOf is env's journal, nil if it records none.
func (r *registry) journalOf(env C.JSVM_Env) *journal {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s := r.vmOf(env.vm); s != nil && s.journals != nil {
		return s.journals[env]
	}
	return nil
}

// setJournal starts recording env's calls into j.
func (r *registry) setJournal(env C.JSVM_Env, j *journal) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s := r.vmOf(env.vm); s != nil && s.journals != nil {
		s.journals[env] = j
		env.journal = 1
	}
}

// journalAll appends a VM-level operation to the journal of every env of vm.
func (r *registry) journalAll(vm C.JSVM_VM, op snapshot.Op) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s := r.vmOf(vm); s != nil {
		for _, j := range s.journals {
			j.append(&op)
		}
	}
}

// keepBlob keeps a snapshot blob reachable for the life of the process.
func (r *registry) keepBlob(p unsafe.Pointer) {
	r.mu.Lock()
	r.blobs = append(r.blobs, p)
	r.mu.Unlock()
}

// keepForVM frees p when s's VM is destroyed.
func (r *registry) keepForVM(s *vmState, p unsafe.Pointer) {
	r.mu.Lock()
	s.kept = append(s.kept, p)
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

// removeVM forgets vm and returns the envs still alive in it and the C
// memory to free once they and the VM are gone; false if vm is not a live
// VM.
func (r *registry) removeVM(vm C.JSVM_VM) ([]C.JSVM_Env, []unsafe.Pointer, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.vmOf(vm)
	if s == nil {
		return nil, nil, false
	}
	r.vms.Delete(handles.ID(vm.id))
	return s.liveEnvs(), s.kept, true
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
	delete(s.journals, env)
	return true
}

// isEnvOf reports whether env is a live env of vm.
func (r *registry) isEnvOf(vm C.JSVM_VM, env C.JSVM_Env) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.vmOf(vm)
	if s == nil || env == nil {
		return false
	}
	e, ok := s.envs.Get(handles.ID(env.id))
	return ok && e == env
}
