package msg

// helpMessages are each command's long help and its flags' texts.
var helpMessages = map[Code]entry{}
