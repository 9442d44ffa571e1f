#!/usr/bin/env node
import{a as n}from"./chunk-IDPOGZEX.mjs";var r=/^[A-Za-z0-9_@%+=:,./-]+$/;function i(t){return t!==""&&r.test(t)?t:`'${e(t)}'`}n(i,"shellQuote");function e(t){return t.replaceAll("'","'\\''")}n(e,"inSingleQuotes");export{i as a};
