#!/usr/bin/env node
import{a as e}from"./chunk-O4AR3DY2.mjs";import{a as n,d as o}from"./chunk-IDPOGZEX.mjs";var s=/^[A-Za-z0-9_@%+=:,./-]+$/;function p(t){return t!==""&&s.test(t)?t:`'${g(t)}'`}n(p,"shellQuote");function g(t){return t.replaceAll("'","'\\''")}n(g,"inSingleQuotes");var i=o(e(),1);function f(t,r){return r===t||r.startsWith(t+i.sep)}n(f,"isWithin");export{f as a,p as b};
