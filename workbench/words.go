package workbench

import "github.com/jixiao/jixiao/internal/msg"

// zh words the workbench's own messages (internal/msg): its page is
// Chinese, and so are the errors it shows and its API answers.
func zh() msg.Printer { return msg.Printer{Lang: msg.ZH} }
