// Command genabi writes the generated C and Go files of cmd/libjsvm from
// include/ark_runtime/jsvm.h and the package's own sources:
//
//   - abi.c: for every Go export jsvmX whose OH_JSVM_X is declared in the
//     header, a C definition of OH_JSVM_X with the header's exact prototype
//     that forwards to jsvmX. Including jsvm.h there makes the C compiler
//     check every prototype against the header; const qualifiers, which
//     //export cannot express, are cast away at the call.
//   - journal_gen.h, journal_gen.c, journal_gen.go: the tables of the
//     set-up journal behind startup snapshots (cmd/libjsvm/journal.go).
//     Every env-taking function that can change what an env holds is
//     "journaled": in an env of a VM created for snapshotting, a call made
//     by the host (not from inside JS) is recorded with its arguments, so
//     that OH_JSVM_CreateEnvFromSnapshot can replay the env's set-up. The
//     generator gives each journaled function an id, a signature string
//     (one kind letter per parameter, see kindOf), a hook that packs its
//     arguments into words, and a case in the dispatcher that unpacks
//     them and calls the function. Functions written in C (fast*.c) call
//     their hook themselves (JSVM_JOURNALED); -check verifies that they do.
//
// Usage (from the repository root): go run ./tools/genabi [-check]
// With -check it writes nothing and exits 1 if a generated file is out of
// date or a C-implemented journaled function lacks its hook.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

var (
	declRE   = regexp.MustCompile(`(?s)JSVM_EXTERN\s+JSVM_Status\s+JSVM_CDECL\s+OH_JSVM_(\w+)\(([^;]*?)\);`)
	exportRE = regexp.MustCompile(`(?m)^//export jsvm(\w+)$`)
	cDefRE   = regexp.MustCompile(`(?m)^JSVM_Status\s+(?:JSVM_CDECL\s+)?OH_JSVM_(\w+)\(`)
	nameRE   = regexp.MustCompile(`(\w+)(\[\])?\s*$`)
)

const (
	outABI      = "cmd/libjsvm/abi.c"
	outJournalH = "cmd/libjsvm/journal_gen.h"
	outJournalC = "cmd/libjsvm/journal_gen.c"
	outJournalG = "cmd/libjsvm/journal_gen.go"
)

// out is kept for the test that compares abi.c.
const out = outABI

func main() {
	check := flag.Bool("check", false, "only verify that the generated files are up to date")
	flag.Parse()
	files, err := generateAll()
	if err != nil {
		fmt.Fprintln(os.Stderr, "genabi:", err)
		os.Exit(2)
	}
	if *check {
		stale := false
		for _, name := range sortedKeys(files) {
			old, _ := os.ReadFile(name)
			if !bytes.Equal(old, files[name]) {
				fmt.Fprintln(os.Stderr, "genabi:", name, "is out of date; run make abi")
				stale = true
			}
		}
		if stale {
			os.Exit(1)
		}
		return
	}
	for _, name := range sortedKeys(files) {
		if err := os.WriteFile(name, files[name], 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "genabi:", err)
			os.Exit(2)
		}
	}
}

var readFile = os.ReadFile

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// generate returns abi.c alone (kept for the tests).
func generate() ([]byte, error) {
	files, err := generateAll()
	if err != nil {
		return nil, err
	}
	return files[outABI], nil
}

// api is what the generator knows of the package: the header's
// declarations, the Go exports and the functions defined in C.
type api struct {
	decls   map[string]string // name -> normalised parameter list
	exports []string          // Go exports, sorted
	cImpl   map[string]string // C-implemented name -> its source file
	cSrc    map[string][]byte // C source files of the package (not generated)
}

func load() (*api, error) {
	hdr, err := os.ReadFile("include/ark_runtime/jsvm.h")
	if err != nil {
		return nil, err
	}
	a := &api{decls: map[string]string{}, cImpl: map[string]string{}, cSrc: map[string][]byte{}}
	for _, m := range declRE.FindAllSubmatch(hdr, -1) {
		a.decls[string(m[1])] = strings.Join(strings.Fields(string(m[2])), " ")
	}
	goFiles, _ := filepath.Glob("cmd/libjsvm/*.go")
	for _, f := range goFiles {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, m := range exportRE.FindAllSubmatch(b, -1) {
			a.exports = append(a.exports, string(m[1]))
		}
	}
	sort.Strings(a.exports)
	cFiles, _ := filepath.Glob("cmd/libjsvm/*.c")
	for _, f := range cFiles {
		if f == outABI || f == outJournalC {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		a.cSrc[f] = b
		for _, m := range cDefRE.FindAllSubmatch(b, -1) {
			a.cImpl[string(m[1])] = f
		}
	}
	return a, nil
}

func generateAll() (map[string][]byte, error) {
	a, err := load()
	if err != nil {
		return nil, err
	}
	jfns, err := journaled(a)
	if err != nil {
		return nil, err
	}
	isJournaled := map[string]bool{}
	for _, f := range jfns {
		isJournaled[f.name] = true
	}
	abi, err := genABI(a, isJournaled)
	if err != nil {
		return nil, err
	}
	// C-implemented journaled functions must call their hook.
	for _, f := range jfns {
		if file, ok := a.cImpl[f.name]; ok {
			if !bytes.Contains(a.cSrc[file], []byte("JSVM_JOURNALED("+f.name+",")) {
				return nil, fmt.Errorf("OH_JSVM_%s (%s) is journaled but does not call JSVM_JOURNALED(%s, ...)", f.name, file, f.name)
			}
		}
	}
	return map[string][]byte{
		outABI:      abi,
		outJournalH: genJournalH(jfns),
		outJournalC: genJournalC(jfns),
		outJournalG: genJournalGo(jfns),
	}, nil
}

func genABI(a *api, journaled map[string]bool) ([]byte, error) {
	var w bytes.Buffer
	w.WriteString(`/* Code generated by tools/genabi from include/ark_runtime/jsvm.h; DO NOT EDIT. */
/*
 * The OH_JSVM_* functions implemented in Go: each forwards to its Go export.
 * Having jsvm.h in scope makes the compiler check every prototype.
 * Journaled functions first hand the call to the set-up journal when their
 * env records one (journal_gen.h).
 */
#include "ark_runtime/jsvm.h"
#include "journal_gen.h"
#include "_cgo_export.h"
`)
	for _, name := range a.exports {
		params, ok := a.decls[name]
		if !ok {
			return nil, fmt.Errorf("Go export jsvm%s has no OH_JSVM_%s in jsvm.h", name, name)
		}
		if _, dup := a.cImpl[name]; dup {
			return nil, fmt.Errorf("OH_JSVM_%s is both a Go export and defined in C", name)
		}
		args, err := forwardArgs(params)
		if err != nil {
			return nil, fmt.Errorf("OH_JSVM_%s: %v", name, err)
		}
		hook := ""
		if journaled[name] {
			ps, _ := splitParams(params)
			names := make([]string, len(ps))
			for i, p := range ps {
				names[i] = p.name
			}
			hook = fmt.Sprintf("    JSVM_JOURNALED(%s, %s);\n", name, strings.Join(names, ", "))
		}
		fmt.Fprintf(&w, "\nJSVM_Status JSVM_CDECL OH_JSVM_%s(%s)\n{\n%s    return jsvm%s(%s);\n}\n",
			name, params, hook, name, strings.Join(args, ", "))
	}
	return w.Bytes(), nil
}

// forwardArgs turns a C parameter list into the argument list of the call to
// the Go export: the parameter names, with const-qualified pointer types cast
// to their non-const form (cgo's prototypes have no const).
func forwardArgs(params string) ([]string, error) {
	ps, err := splitParams(params)
	if err != nil {
		return nil, err
	}
	var args []string
	for _, p := range ps {
		arg := p.name
		if strings.Contains(p.typ, "const") {
			arg = "(" + strings.Join(strings.Fields(strings.ReplaceAll(p.typ, "const", "")), " ") + ")" + arg
		}
		args = append(args, arg)
	}
	return args, nil
}

type param struct {
	typ  string // normalised C type; arrays become pointers ("T[]" -> "T*")
	name string
}

func splitParams(params string) ([]param, error) {
	if strings.TrimSpace(params) == "void" {
		return nil, nil
	}
	var ps []param
	for _, p := range strings.Split(params, ",") {
		p = strings.TrimSpace(p)
		m := nameRE.FindStringSubmatch(p)
		if m == nil {
			return nil, fmt.Errorf("cannot parse parameter %q", p)
		}
		typ := strings.TrimSpace(strings.TrimSuffix(p, m[0]))
		if typ == "" {
			return nil, fmt.Errorf("parameter %q has no name", p)
		}
		if m[2] != "" {
			typ += "*"
		}
		typ = strings.Join(strings.Fields(strings.ReplaceAll(typ, "*", " * ")), " ")
		typ = strings.ReplaceAll(typ, " *", "*")
		ps = append(ps, param{typ: typ, name: m[1]})
	}
	return ps, nil
}
