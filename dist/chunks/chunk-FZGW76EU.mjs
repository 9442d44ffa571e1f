#!/usr/bin/env node
import{a as s}from"./chunk-TD3GEFHN.mjs";import{a as r,d as o}from"./chunk-IDPOGZEX.mjs";var e=/^[A-Za-z0-9_@%+=:,./-]+$/;function g(t){return t!==""&&e.test(t)?t:`'${t.replace(/'/g,"'\\''")}'`}r(g,"shellQuote");var i=o(s(),1);function f(t,n){return n===t||n.startsWith(t+i.sep)}r(f,"isWithin");export{f as a,g as b};
