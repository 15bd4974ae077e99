/*
 * Tokens of RouterOS console scripts (/export output and hand-written .rsc files).
 *
 * Continuation lines (backslash, line break, indentation) are skipped here rather than joined in a
 * pre-pass, so every token keeps its real line and column in the file. Inside quoted strings and
 * unquoted values the continuation is part of the token text and is removed when the text is decoded.
 */
lexer grammar RouterOsLexer;

channels { COMMENTS }

// A pasted console prompt such as "[admin@MikroTik] > /export" before the header.
PROMPT        : '[' [a-zA-Z0-9_.-]+ '@' ~[\]\r\n"$ \t]+ ']' [ \t]* '>' ~[\r\n]* -> channel(COMMENTS) ;
COMMENT       : '#' ~[\r\n]* -> channel(COMMENTS) ;
CONTINUATION  : '\\' [ \t]* ('\r'? '\n' | '\r') [ \t]* -> skip ;
WS            : [ \t\f\u000B\uFEFF]+ -> skip ;
NEWLINE       : '\r'? '\n' | '\r' ;
SEMI          : ';' ;
LBRACK        : '[' ;
RBRACK        : ']' ;
LBRACE        : '{' ;
RBRACE        : '}' ;
LPAREN        : '(' ;
RPAREN        : ')' ;
STRING        : STRING_BODY ;
// A quote that is never closed: kept as a token so the reader can report where it started.
UNTERMINATED  : '"' (ESCAPE | ~["\\])* '\\'? EOF ;
VAR           : '$' ( [a-zA-Z0-9_]+ | STRING_BODY )? ;
// "name=" immediately followed by its value; the value is lexed in VALUE mode because unquoted
// values may contain characters ('=', '<', '!') that are operators elsewhere.
KEY_EQ        : '!'? KEY_CHAR+ '=' -> pushMode(VALUE_MODE) ;
EQ            : '=' ;
WORD          : WORD_START WORD_CHAR* ;
BACKSLASH     : '\\' ;

fragment STRING_BODY : '"' (ESCAPE | ~["\\])* '"' ;
fragment ESCAPE      : '\\' ( '\r'? '\n' [ \t]* | '\r' [ \t]* | ~[\r\n] ) ;
fragment KEY_CHAR    : [a-zA-Z0-9_.\-] ;
fragment WORD_START  : ~[ \t\f\u000B\r\n;[\]{}()"=$#\\] | '\\' ~[\r\n \t] ;
fragment WORD_CHAR   : ~[ \t\f\u000B\r\n;[\]{}()"=\\] | '\\' ~[\r\n \t] ;

mode VALUE_MODE;
V_STRING       : STRING_BODY -> type(STRING), popMode ;
V_UNTERMINATED : '"' (ESCAPE | ~["\\])* '\\'? EOF -> type(UNTERMINATED), popMode ;
V_LBRACK       : '[' -> type(LBRACK), popMode ;
V_LBRACE       : '{' -> type(LBRACE), popMode ;
V_LPAREN       : '(' -> type(LPAREN), popMode ;
V_VAR          : '$' ( [a-zA-Z0-9_]+ | STRING_BODY )? -> type(VAR), popMode ;
VALUE          : V_CHAR (V_CHAR | V_CONT | '$')* -> popMode ;
V_CONT_ONLY    : '\\' [ \t]* ('\r'? '\n' | '\r') [ \t]* -> skip ;
// Anything that ends a value before it started leaves an empty value.
V_WS           : [ \t\f\u000B]+ -> skip, popMode ;
V_NEWLINE      : ('\r'? '\n' | '\r') -> type(NEWLINE), popMode ;
V_SEMI         : ';' -> type(SEMI), popMode ;
V_RBRACK       : ']' -> type(RBRACK), popMode ;
V_RBRACE       : '}' -> type(RBRACE), popMode ;
V_RPAREN       : ')' -> type(RPAREN), popMode ;
V_EOF_BACKSLASH: '\\' EOF -> type(BACKSLASH), popMode ;

fragment V_CHAR : ~[ \t\f\u000B\r\n;\]{}()"$\\[] | '\\' ~[\r\n \t] ;
fragment V_CONT : '\\' ('\r'? '\n' | '\r') [ \t]* ;
