#!/usr/bin/env node
import{a as _}from"./chunks/chunk-DEZSBWER.mjs";import{b}from"./chunks/chunk-WZGJIFPR.mjs";import"./chunks/chunk-6CMFJ5QN.mjs";import"./chunks/chunk-WI2MZLHA.mjs";import"./chunks/chunk-ZZRET4PU.mjs";import"./chunks/chunk-LUTHXSWN.mjs";import"./chunks/chunk-WYOI7XLF.mjs";import{e as y,l as h,m as w}from"./chunks/chunk-A4ZKGUPT.mjs";import"./chunks/chunk-A3SEG3SH.mjs";import"./chunks/chunk-TEDLRPMV.mjs";import"./chunks/chunk-EOIAR5SE.mjs";import"./chunks/chunk-NVVMQMHU.mjs";import"./chunks/chunk-JYFCU7YJ.mjs";import"./chunks/chunk-VXQ5ACYQ.mjs";import"./chunks/chunk-K237JMUC.mjs";import"./chunks/chunk-WBTTHWPD.mjs";import{e as c,h as p}from"./chunks/chunk-VNFHSUEK.mjs";import{c as d}from"./chunks/chunk-RKL3TUEF.mjs";import{a as E}from"./chunks/chunk-OT2KEIBC.mjs";import{a as u,d as k}from"./chunks/chunk-Z57D6PH6.mjs";var a=k(E(),1);var C=8,g=c({name:"relay-probe",summary:"refresh the relay's state.json within a time budget",usage:`usage: relay-probe [--config FILE] [--state FILE] [--budget SECONDS] [--json]

Refreshes state.json (last_sync, last_commit, pending_packages, peer_reachability,
newly_accepted, own_key, peer_key_changes) from your relay within a total time budget
(default 8 s). Always exits 0 unless the command line is wrong; a network fault is recorded in
state.json's last_error.

Options:
  --config FILE     relay.json (default $ALIVE_HOME/relay/relay.json)
  --state FILE      state.json to write (default: beside relay.json)
  --budget SECONDS  total time, 0.5 to 600 (default 8)
  --json            print the state written as one JSON object
  -h, --help        show this help`,options:{config:{type:"string"},state:{type:"string"},budget:{type:"string"}},async run(e){let s=$(e.values.budget,e.usageError),n=e.values.config,o=n?w(n):h(),j=e.values.state??(n?(0,a.join)((0,a.dirname)(n),"state.json"):o.state),t,l;try{({state:t,warnings:l}=await _({paths:o,statePath:j,budgetMs:s}))}catch(r){e.warn(r instanceof Error?r.message:String(r)),e.json&&e.printJson({configured:!1});return}for(let r of l)e.warn(r);if(e.json){e.printJson(t?{configured:!0,...t}:{configured:!1});return}if(!t)return;let m=Object.keys(t.peer_key_changes??{});e.print(`${t.pending_packages} package(s) waiting`+(t.newly_accepted.length?`; newly accepted: ${t.newly_accepted.join(", ")}`:"")+(m.length?`; key changed on the relay of: ${m.map(r=>d(r,64)).join(", ")}`:"")+(t.last_error?` (last error: ${d(t.last_error,500)})`:""));let i="";try{i=y(o.config)?.github_username??""}catch{i=""}let f=b(t.own_key,i||"LOGIN");f&&e.io.stderr.write(`${f}
`)}});function $(e,s){if(e===void 0)return C*1e3;let n=Number(e);return!/^\d+(\.\d+)?$/.test(e)||!(n>=.5)||n>600?s(`--budget takes seconds between 0.5 and 600, got '${e}'`):Math.round(n*1e3)}u($,"parseBudget");var L={...g,async invoke(e,s,n){let o=await g.invoke(e,s,n);return setTimeout(()=>process.stdout.write("",()=>process.exit(o)),50).unref(),o}};p(L);
