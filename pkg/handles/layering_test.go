package handles

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayering enforces the dependency arrows of the style guide: handles and
// status use the standard library only (engine and the ABI layer sit above).
func TestLayering(t *testing.T) {
	for _, pkg := range []string{"./", "../status"} {
		out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", pkg).Output()
		if err != nil {
			t.Skipf("go list unavailable: %v", err)
		}
		for _, dep := range strings.Fields(string(out)) {
			if !strings.HasSuffix(dep, "/pkg/handles") && !strings.HasSuffix(dep, "/pkg/status") {
				t.Errorf("%s depends on %s; it may use the standard library only", pkg, dep)
			}
		}
	}
}
