/*
 * Structure of RouterOS console scripts. Deliberately generic: a statement is a run of items, and the
 * meaning of words (menu path, verb, scripting keyword) is decided by the reader, not the grammar, so
 * that any command word of any RouterOS version parses.
 */
parser grammar RouterOsParser;

options { tokenVocab = RouterOsLexer; }

script     : body EOF ;
body       : sep* (statement (sep+ statement)*)? sep* ;
sep        : NEWLINE | SEMI ;
statement  : item+ ;
item       : WORD
           | property
           | STRING
           | VAR
           | EQ
           | subst
           | block
           | paren
           ;
property   : KEY_EQ value? ;
value      : VALUE | STRING | VAR | subst | block | paren ;
subst      : LBRACK body RBRACK ;
block      : LBRACE body RBRACE ;
paren      : LPAREN (item | sep)* RPAREN ;
