package msg

// dataMessages are the data readers' messages (package data) and the 自评表 reader's (package forms).
var dataMessages = map[Code]entry{}
