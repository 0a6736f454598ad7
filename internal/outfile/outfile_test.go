//go:build unix

package outfile

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jixiao/jixiao/internal/msg"
)

// write creates path through Create, writes s and commits.
func write(t *testing.T, path, s string, inputs ...string) error {
	t.Helper()
	f, err := Create(context.Background(), en, path, inputs...)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, s); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

func writeFile(t *testing.T, path, s string, mode fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // whatever the umask
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// noTemp fails when a temporary file is left in dir.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

func TestNewFileTakesUmask(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o027) // no other test of this package runs meanwhile
	defer syscall.Umask(old)
	path := filepath.Join(dir, "out.csv")
	if err := write(t, path, "new\n"); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode() != 0o640 {
		t.Errorf("mode %v, want -rw-r----- (0666 under umask 027)", st.Mode())
	}
	noTemp(t, dir)
}

func TestExistingFileKeepsModeAndOwner(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	writeFile(t, path, "old\n", 0o604)
	root := os.Geteuid() == 0
	if root {
		if err := os.Chown(path, 4321, 8765); err != nil {
			t.Fatal(err)
		}
	}
	f, err := Create(context.Background(), en, path)
	if err != nil {
		t.Fatal(err)
	}
	// While written, the bytes are the owner's only.
	if st, err := os.Stat(f.temp); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("temporary file: %v %v, want mode 0600", st, err)
	}
	io.WriteString(f, "new\n")
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode() != 0o604 {
		t.Errorf("mode %v, want the previous -rw----r--", st.Mode())
	}
	if root {
		if uid, gid, _ := owner(st); uid != 4321 || gid != 8765 {
			t.Errorf("owner %d:%d, want the previous 4321:8765", uid, gid)
		}
	}
	if got := readFile(t, path); got != "new\n" {
		t.Errorf("file holds %q", got)
	}
	noTemp(t, dir)
}

func TestAbortKeepsPrevious(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	writeFile(t, path, "old\n", 0o644)
	f, err := Create(context.Background(), en, path)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, "half")
	f.Abort()
	f.Abort() // a second Abort, as a deferred one, does nothing
	if got := readFile(t, path); got != "old\n" {
		t.Errorf("file holds %q after Abort", got)
	}
	if err := f.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
	noTemp(t, dir)
}

// A symbolic link stays a link; its target gets the output. A relative
// link is relative to its own directory, and links may chain.
func TestSymlinkTargetReplaced(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	writeFile(t, filepath.Join(dir, "real.csv"), "old\n", 0o640)
	if err := os.Symlink("../real.csv", filepath.Join(dir, "sub", "link1")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("sub/link1", filepath.Join(dir, "link2")); err != nil {
		t.Fatal(err)
	}
	if err := write(t, filepath.Join(dir, "link2"), "new\n"); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"link2", "sub/link1"} {
		if st, err := os.Lstat(filepath.Join(dir, l)); err != nil || st.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symbolic link: %v %v", l, st, err)
		}
	}
	if got := readFile(t, filepath.Join(dir, "real.csv")); got != "new\n" {
		t.Errorf("the link's target holds %q", got)
	}
	if st, _ := os.Stat(filepath.Join(dir, "real.csv")); st.Mode() != 0o640 {
		t.Errorf("the link's target has mode %v, want its own -rw-r-----", st.Mode())
	}
	noTemp(t, dir)
}

// A link to a file that does not exist yet creates that file.
func TestDanglingSymlink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link")
	if err := os.Symlink("later.csv", link); err != nil {
		t.Fatal(err)
	}
	if err := write(t, link, "new\n"); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(dir, "later.csv")); got != "new\n" {
		t.Errorf("later.csv holds %q", got)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("link is no longer a symbolic link")
	}
}

func TestSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	os.Symlink("b", filepath.Join(dir, "a"))
	os.Symlink("a", filepath.Join(dir, "b"))
	err := write(t, filepath.Join(dir, "a"), "x")
	if err == nil || !strings.Contains(err.Error(), "too many levels of symbolic links") {
		t.Errorf("error %v, want too many levels of symbolic links", err)
	}
	noTemp(t, dir)
}

// "link/../out.csv" is out.csv beside the link's target, where the kernel
// puts it; the temporary file must be made there too, not beside the link
// as a cleaned path would say.
func TestDotDotAfterLinkedDirectory(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a", "deep"), 0o755)
	if err := os.Symlink("a/deep", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	if err := write(t, dir+"/link/../out.csv", "new\n"); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(dir, "a", "out.csv")); got != "new\n" {
		t.Errorf("a/out.csv holds %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "out.csv")); err == nil {
		t.Error("out.csv was written beside the link")
	}
	noTemp(t, dir)
}

// The output is refused when it is an input, however it is named; the
// input keeps its bytes.
func TestSameFileAsInputRefused(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "units.csv")
	writeFile(t, in, "unit,spent\nU1,5\n", 0o644)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Link(in, filepath.Join(dir, "hard.csv")))
	must(os.Symlink("units.csv", filepath.Join(dir, "soft.csv")))
	must(os.Symlink(in, filepath.Join(dir, "sub", "abs.csv")))
	tests := []struct {
		out, input, how string
	}{
		{in, in, "the same file"},
		{dir + "/sub/../units.csv", in, "the same file"},
		{filepath.Join(dir, "hard.csv"), in, "the same file under another name"},
		{filepath.Join(dir, "soft.csv"), in, "a symbolic link to it"},
		{filepath.Join(dir, "sub", "abs.csv"), in, "a symbolic link to it"},
		// The input named through a link, the output by the file's name.
		{in, filepath.Join(dir, "soft.csv"), "the same file under another name"},
	}
	for _, tc := range tests {
		err := write(t, tc.out, "results\n", filepath.Join(dir, "rules.yaml"), tc.input)
		want := "create " + tc.out + ": it is the input " + tc.input + " (" + tc.how + "); write the output to another file"
		if err == nil || err.Error() != want {
			t.Errorf("-o %s, input %s: error %v\nwant %s", tc.out, tc.input, err, want)
		}
	}
	if got := readFile(t, in); got != "unit,spent\nU1,5\n" {
		t.Errorf("the input now holds %q", got)
	}
	for _, l := range []string{"soft.csv", "sub/abs.csv"} {
		if st, err := os.Lstat(filepath.Join(dir, l)); err != nil || st.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symbolic link", l)
		}
	}
	noTemp(t, dir)
	// A different file, even with the same bytes, is no input.
	other := filepath.Join(dir, "copy.csv")
	writeFile(t, other, "unit,spent\nU1,5\n", 0o644)
	if err := write(t, other, "results\n", in, filepath.Join(dir, "missing.yaml")); err != nil {
		t.Errorf("a copy of the input: %v", err)
	}
}

func TestRefusedKinds(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "s.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	os.WriteFile(filepath.Join(dir, "file"), nil, 0o644)
	tests := []struct{ path, want string }{
		{dir, "create " + dir + ": is a directory; give a file name"},
		{sock, "create " + sock + ": is a socket; want a regular file, a FIFO or a character device"},
		{dir + "/nodir/out.csv", "create " + dir + "/nodir/out.csv: no such file or directory"},
		{dir + "/file/out.csv", "create " + dir + "/file/out.csv: not a directory"},
		{dir + "/new/", "create " + dir + "/new/: names a directory; give a file name"},
		{"", "create: no file name"},
	}
	for _, tc := range tests {
		if err := write(t, tc.path, "x"); err == nil || err.Error() != tc.want {
			t.Errorf("%q: error %v, want %s", tc.path, err, tc.want)
		}
	}
	blk := filepath.Join(dir, "blk")
	if err := syscall.Mknod(blk, syscall.S_IFBLK|0o600, int(mkdev(7, 0))); err != nil {
		t.Logf("no block device test: mknod: %v", err)
	} else if err := write(t, blk, "x"); err == nil || err.Error() != "create "+blk+": is a block device; want a regular file, a FIFO or a character device" {
		t.Errorf("block device: %v", err)
	}
	noTemp(t, dir)
}

func mkdev(major, minor uint32) uint64 {
	return uint64(major)<<8 | uint64(minor) // Linux's encoding for small numbers
}

// -o /dev/null as root must not replace the device with a regular file: a
// character device is written directly. The test makes its own /dev/null
// (1:3) in a temporary directory.
func TestCharDeviceWrittenDirectly(t *testing.T) {
	dir := t.TempDir()
	null := filepath.Join(dir, "null")
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, int(mkdev(1, 3))); err != nil {
		if errors.Is(err, syscall.EPERM) {
			t.Skipf("mknod is not permitted here (%v): run as root to test a character device", err)
		}
		t.Fatal(err)
	}
	f, err := Create(context.Background(), en, null)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Direct() {
		t.Error("a character device is not written directly")
	}
	if _, err := io.WriteString(f, strings.Repeat("results\n", 1000)); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Lstat(null)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode()&fs.ModeCharDevice == 0 || st.Mode()&fs.ModeDevice == 0 {
		t.Errorf("%s is now %v, want the character device still", null, st.Mode())
	}
	noTemp(t, dir)
}

func mkfifo(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFIFOWrittenDirectly(t *testing.T) {
	p := mkfifo(t)
	got := make(chan string)
	go func() {
		r, err := os.Open(p)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(r)
		r.Close()
		got <- string(b)
	}()
	want := strings.Repeat("results\n", 20000) // more than a pipe holds
	if err := write(t, p, want); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != want {
		t.Errorf("the reader got %d bytes, want %d", len(s), len(want))
	}
	if st, err := os.Lstat(p); err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO is now %v (%v)", st.Mode(), err)
	}
	noTemp(t, filepath.Dir(p))
}

// Opening a FIFO that no one reads blocks; a cancelled context ends it.
func TestFIFOOpenCancelled(t *testing.T) {
	p := mkfifo(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := Create(ctx, en, p)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Create: %v, want context.Canceled", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("Create returned %v after the cancel", took)
	}
	// Let the abandoned open finish.
	if r, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
		r.Close()
	}
}

// A write that blocks on a FIFO whose reader reads no more ends when the
// context is cancelled.
func TestFIFOWriteCancelled(t *testing.T) {
	p := mkfifo(t)
	opened := make(chan *os.File, 1)
	go func() {
		r, err := os.Open(p)
		if err != nil {
			t.Error(err)
		}
		opened <- r
	}()
	ctx, cancel := context.WithCancel(context.Background())
	f, err := Create(ctx, en, p)
	if err != nil {
		t.Fatal(err)
	}
	r := <-opened
	defer r.Close()
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err = f.Write(make([]byte, 4<<20))
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Errorf("Write: %v, want os.ErrDeadlineExceeded", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("Write returned %v after the cancel", took)
	}
	f.Abort()
}

// en words the errors as the tests expect them: in English.
var en = msg.Printer{Lang: msg.EN}

// TestChineseErrors: the errors of an output that cannot be written are
// Chinese by default (msg.Printer{}), the same information as in English.
func TestChineseErrors(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	if err := os.WriteFile(in, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, want string }{
		{dir, "创建 " + dir + "：这是一个文件夹；请给出文件名"},
		{in, "创建 " + in + "：它就是输入文件 " + in + "（同一个文件）；请把输出写到另一个文件"},
		{dir + "/new/", "创建 " + dir + "/new/：这是文件夹的写法；请给出文件名"},
		{"", "创建输出文件：没有给出文件名"},
	} {
		if _, err := Create(context.Background(), msg.Printer{}, c.path, in); err == nil || err.Error() != c.want {
			t.Errorf("Create(%q): %v, want %s", c.path, err, c.want)
		}
	}
}
