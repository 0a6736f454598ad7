//go:build !unix

package outfile

import "io/fs"

// owner is unknown where files carry no Unix owner (Windows): a replaced
// file is owned as any new file is.
func owner(fs.FileInfo) (uid, gid int, ok bool) { return 0, 0, false }
