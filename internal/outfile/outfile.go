// Package outfile writes an output file whole or not at all, and never
// over one of the run's inputs.
//
// A regular file (or a path that does not exist yet) is written to a
// temporary file beside it and renamed over it on Commit, so a failed or
// interrupted run leaves the previous file as it was. A symbolic link is
// followed and its target replaced, the link staying a link. A FIFO or a
// character device (/dev/null, a terminal) cannot be replaced and is
// written directly: renaming over /dev/null as root would put a regular
// file in its place. Directories, sockets and block devices are refused,
// as is any output that is the same file as an input (os.SameFile: the
// same device and inode, so also through symbolic and hard links).
package outfile

import (
	"context"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/internal/openctx"
)

// File is an output being written: Write, then Commit to put it in place
// or Abort to leave the previous file as it was.
type File struct {
	f     *os.File
	path  string      // as the caller named it, for messages
	words msg.Printer // words its errors
	// target is the file renamed over on Commit (the end of the path's
	// symbolic links); temp is the file written until then. Both are ""
	// when the output is written directly.
	target, temp string
	// keep is the existing file's mode and owner, given to the new file
	// on Commit; nil for a new file, whose mode is right from its creation.
	keep    fs.FileInfo
	written int64
	stop    func() // ends the watch of a direct output's blocking writes
	done    bool
}

// maxLinks bounds the symbolic links followed from the output path, as the
// kernel does (ELOOP).
const maxLinks = 40

// Create prepares path for writing, checking it against inputs, the files
// the run reads (paths that do not exist are skipped). ctx ends the wait of
// opening a FIFO that no one reads yet, and of a write that blocks on it.
//
// New files get the mode that creating them with 0666 gives: the umask, or
// the directory's default ACL, applies. The temporary file is created with
// that mode by the kernel (O_CREAT|O_EXCL, 0666) rather than chmod-ed to
// 0666 &^ umask afterwards, because reading the umask is racy (Umask sets
// it to read it, and a file created meanwhile on another goroutine gets
// the wrong mode) and would bypass a default ACL. An existing file keeps
// its mode and, where the system lets us (as root), its owner and group:
// its temporary file is created 0600, so the bytes are no more readable
// while written than the old file allowed, and set to the old mode on
// Commit.
func Create(ctx context.Context, p msg.Printer, path string, inputs ...string) (*File, error) {
	if path == "" {
		return nil, p.Errorf(msg.OutNoName)
	}
	target, err := resolve(p, path)
	if err != nil {
		return nil, p.Wrap(err, msg.OutCreateLead, path)
	}
	st, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return createTemp(p, path, target, nil)
	case err != nil:
		return nil, p.Wrap(unwrapPath(err), msg.OutCreateLead, path)
	}
	if err := checkInputs(p, path, st, inputs); err != nil {
		return nil, err
	}
	switch mode := st.Mode(); {
	case mode.IsRegular():
		return createTemp(p, path, target, st)
	case mode&fs.ModeNamedPipe != 0, mode&fs.ModeCharDevice != 0:
		return openDirect(ctx, p, path, target, inputs)
	case mode.IsDir():
		return nil, p.Errorf(msg.OutIsDir, path)
	default:
		return nil, p.Errorf(msg.OutBadKind, path, kind(mode))
	}
}

// kind names a file type that cannot take output.
func kind(mode fs.FileMode) msg.Code {
	switch {
	case mode&fs.ModeSocket != 0:
		return msg.OutKindSocket
	case mode&fs.ModeDevice != 0:
		return msg.OutKindBlock
	}
	return msg.OutKindSpecial
}

// checkInputs refuses an output that is the same file as an input.
func checkInputs(p msg.Printer, path string, out fs.FileInfo, inputs []string) error {
	for _, in := range inputs {
		if in == "" {
			continue
		}
		st, err := os.Stat(in)
		if err != nil || !os.SameFile(out, st) {
			continue
		}
		how := msg.OutHowLink // a hard link, or a linked directory on the way
		if lst, err := os.Lstat(path); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
			how = msg.OutHowSymlink
		} else if samePath(path, in) {
			how = msg.OutHowSame
		}
		return p.Errorf(msg.OutIsInput, path, in, how)
	}
	return nil
}

// samePath reports whether a and b are one path written two ways.
func samePath(a, b string) bool {
	a, errA := filepath.Abs(a)
	b, errB := filepath.Abs(b)
	return errA == nil && errB == nil && a == b
}

// resolve follows the symbolic links that the last element of path names,
// to the file a rename must replace so that the link stays a link. The
// directories on the way are left to the kernel, unresolved and uncleaned:
// "link/../x" is x beside the link's target, not beside the link, and
// filepath.Clean would say otherwise. The end may not exist (a link to a
// file to be created).
func resolve(p msg.Printer, path string) (string, error) {
	for range maxLinks {
		st, err := os.Lstat(path)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		to, err := os.Readlink(path)
		if err != nil {
			return "", unwrapPath(err)
		}
		if !filepath.IsAbs(to) {
			to = dir(path) + string(filepath.Separator) + to
		}
		path = to
	}
	return "", p.Errorf(msg.OutTooManyLinks)
}

// dir is path without its last element, as written ("." for a bare name).
func dir(path string) string {
	i := len(path) - 1
	for i >= 0 && !os.IsPathSeparator(path[i]) {
		i--
	}
	switch {
	case i < 0:
		return "."
	case i == 0:
		return path[:1]
	}
	return path[:i]
}

// base is path's last element, "" when path ends in a separator.
func base(path string) string {
	i := len(path) - 1
	for i >= 0 && !os.IsPathSeparator(path[i]) {
		i--
	}
	return path[i+1:]
}

// createTemp creates the temporary file beside target, in the same
// directory so that the rename stays on one file system.
func createTemp(p msg.Printer, path, target string, keep fs.FileInfo) (*File, error) {
	name := base(target)
	if name == "" || name == "." || name == ".." {
		return nil, p.Errorf(msg.OutNamesDir, path)
	}
	perm := fs.FileMode(0o666)
	if keep != nil {
		perm = 0o600
	}
	prefix := dir(target) + string(filepath.Separator) + "." + name + ".tmp"
	for range 100 {
		temp := prefix + strconv.FormatUint(rand.Uint64()%1e9, 10)
		f, err := os.OpenFile(temp, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, p.Wrap(unwrapPath(err), msg.OutCreateLead, path)
		}
		return &File{f: f, path: path, words: p, target: target, temp: temp, keep: keep}, nil
	}
	return nil, p.Errorf(msg.OutNoTempName, path, prefix)
}

// openDirect opens a FIFO or a character device for writing as it is.
// The open is checked again: the path might have been replaced by a
// regular file, or be an input, since it was looked at.
func openDirect(ctx context.Context, p msg.Printer, path, target string, inputs []string) (*File, error) {
	f, err := openctx.OpenFile(ctx, target, os.O_WRONLY, 0)
	if err != nil {
		return nil, p.Wrap(unwrapPath(err), msg.OutCreateLead, path)
	}
	st, err := f.Stat()
	if err == nil && st.Mode()&(fs.ModeNamedPipe|fs.ModeCharDevice) == 0 {
		err = p.Errorf(msg.OutChanged)
	}
	if err == nil {
		err = checkInputs(p, path, st, inputs)
		if err != nil {
			f.Close()
			return nil, err
		}
	}
	if err != nil {
		f.Close()
		return nil, p.Wrap(err, msg.OutCreateLead, path)
	}
	return &File{f: f, path: path, words: p, stop: openctx.Unblock(ctx, f)}, nil
}

// Write writes to the temporary file, or to the FIFO or device.
func (f *File) Write(p []byte) (int, error) {
	n, err := f.f.Write(p)
	f.written += int64(n)
	return n, err
}

// errDirect is the error of reading or writing anywhere but at the end
// of a FIFO or device.
var errDirect = msg.Printer{Lang: msg.ZH}.Errorf(msg.OutInOrder)

// ReadAt reads what was written, from the temporary file: a writer that
// writes part of its output out of order (the xlsx) reads it back to move
// it. Not for a direct output.
func (f *File) ReadAt(p []byte, off int64) (int, error) {
	if f.Direct() {
		return 0, f.words.Wrap(errDirect, msg.OutReadLead, f.path)
	}
	return f.f.ReadAt(p, off)
}

// WriteAt writes at off in the temporary file. Not for a direct output.
func (f *File) WriteAt(p []byte, off int64) (int, error) {
	if f.Direct() {
		return 0, f.words.Wrap(errDirect, msg.ErrWriteLead, f.path)
	}
	n, err := f.f.WriteAt(p, off)
	f.written = max(f.written, off+int64(n))
	return n, err
}

// Truncate cuts the temporary file at size. Not for a direct output.
func (f *File) Truncate(size int64) error {
	if f.Direct() {
		return f.words.Wrap(errDirect, msg.ErrWriteLead, f.path)
	}
	f.written = min(f.written, size)
	return f.f.Truncate(size)
}

// Direct reports whether the output is written directly (a FIFO or a
// character device): what was written stays written, even on Abort.
func (f *File) Direct() bool { return f.temp == "" }

// Written is how many bytes were written so far.
func (f *File) Written() int64 { return f.written }

// Name is the output's path as given to Create.
func (f *File) Name() string { return f.path }

// Commit puts the output in place: the temporary file, with the previous
// file's mode and owner, is renamed over the target. On failure the
// temporary file is removed and the previous file left as it was.
func (f *File) Commit() error {
	if f.done {
		return f.words.Errorf(msg.OutWriteDone, f.path)
	}
	f.done = true
	if f.Direct() {
		f.stop()
		if err := f.f.Close(); err != nil {
			return f.words.Wrap(unwrapPath(err), msg.ErrWriteLead, f.path)
		}
		return nil
	}
	err := f.f.Close()
	if err == nil && f.keep != nil {
		err = keepMode(f.temp, f.keep)
	}
	if err == nil {
		err = os.Rename(f.temp, f.target)
	}
	if err != nil {
		os.Remove(f.temp)
		return f.words.Wrap(unwrapPath(err), msg.ErrWriteLead, f.path)
	}
	return nil
}

// keepMode gives temp the owner and mode of the file it replaces. The
// owner goes first: chown clears the set-user-ID and set-group-ID bits.
// The owner is kept where the system allows (root, or a group we belong
// to); else the new file is ours, as any file we create.
func keepMode(temp string, old fs.FileInfo) error {
	if uid, gid, ok := owner(old); ok {
		if err := os.Chown(temp, uid, gid); err != nil && !errors.Is(err, fs.ErrPermission) {
			return err
		}
	}
	return os.Chmod(temp, old.Mode()&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky))
}

// Abort drops the output: the temporary file is removed and the previous
// file left as it was. A direct output keeps what was written. Abort after
// Commit does nothing, so it may be deferred.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	if f.Direct() {
		f.stop()
		f.f.Close()
		return
	}
	f.f.Close()
	os.Remove(f.temp)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
