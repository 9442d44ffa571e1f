#!/usr/bin/env node
import{a as r}from"./chunk-JR272ABH.mjs";var s=/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;function l(e){return s.lastIndex=0,!s.test(e)}r(l,"isPrintable");var u=/[\u0000-\u001f\u007f]/;function g(e){return u.test(e)}r(g,"hasControlCharacter");function o(e){let n=e.codePointAt(0);return n<=255?`\\x${n.toString(16).padStart(2,"0")}`:`\\u{${n.toString(16)}}`}r(o,"visibleEscape");function c(e){return e.replace(/\r\n/g,`
`).replace(s,n=>n===`
`||n==="	"?n:o(n))}r(c,"terminalText");function f(e,n=200){let t=e.replace(s,i=>i===`
`?"\\n":i==="\r"?"\\r":i==="	"?"\\t":o(i));return t.length>n?`${t.slice(0,n)}…`:t}r(f,"inlineText");function a(e,n=120){let t=String(e??"").replace(/\r\n|\r|\n/g,"\\n").replace(/\t/g," ");return t=t.replace(s,"?"),t.length>n&&(t=`${t.slice(0,n-1)}…`),t=t.replace(/`/g,"'").replace(/signed\s*:/gi,i=>i.replace(":","\\:")),`\`${t}\``}r(a,"logValue");export{l as a,g as b,c,f as d,a as e};
