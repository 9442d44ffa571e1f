#!/usr/bin/env node
import{a as b}from"./chunks/chunk-KHRPOWRJ.mjs";import{b as w}from"./chunks/chunk-NXRLH25G.mjs";import"./chunks/chunk-CYLNTCIH.mjs";import"./chunks/chunk-VV4F4BN3.mjs";import"./chunks/chunk-P6ABFOUF.mjs";import"./chunks/chunk-VPTYVYCI.mjs";import"./chunks/chunk-PYNLG3ZM.mjs";import"./chunks/chunk-SG62PW7V.mjs";import{d as p,n as y,o as h}from"./chunks/chunk-ISWQP4IG.mjs";import"./chunks/chunk-TYWWCQXR.mjs";import"./chunks/chunk-MJDLLYAP.mjs";import"./chunks/chunk-SFNKBUAY.mjs";import"./chunks/chunk-FPIY6HCF.mjs";import"./chunks/chunk-WAIOYE5N.mjs";import"./chunks/chunk-C77HNZOE.mjs";import{e as m,h as c}from"./chunks/chunk-COY32HQX.mjs";import"./chunks/chunk-QG4DEPGQ.mjs";import{a as k}from"./chunks/chunk-MWJGLT4H.mjs";import{a as f,d as j}from"./chunks/chunk-IFLFJIQW.mjs";var a=j(k(),1);var E=8,d=m({name:"relay-probe",summary:"refresh the relay's state.json within a time budget",usage:`usage: relay-probe [--config FILE] [--state FILE] [--budget SECONDS] [--json]

Refreshes state.json (last_sync, last_commit, pending_packages, peer_reachability,
newly_accepted, own_key, peer_key_changes) from your relay within a total time budget
(default 8 s). Always exits 0 unless the command line is wrong; a network fault is recorded in
state.json's last_error.

Options:
  --config FILE     relay.json (default $ALIVE_HOME/relay/relay.json)
  --state FILE      state.json to write (default: beside relay.json)
  --budget SECONDS  total time, 0.5 to 600 (default 8)
  --json            print the state written as one JSON object
  -h, --help        show this help`,options:{config:{type:"string"},state:{type:"string"},budget:{type:"string"}},async run(e){let o=C(e.values.budget,e.usageError),n=e.values.config,r=n?h(n):y(),_=e.values.state??(n?(0,a.join)((0,a.dirname)(n),"state.json"):r.state),t,g;try{({state:t,warnings:g}=await b({paths:r,statePath:_,budgetMs:o}))}catch(s){e.warn(s instanceof Error?s.message:String(s)),e.json&&e.printJson({configured:!1});return}for(let s of g)e.warn(s);if(e.json){e.printJson(t?{configured:!0,...t}:{configured:!1});return}if(!t)return;let l=Object.keys(t.peer_key_changes??{});e.print(`${t.pending_packages} package(s) waiting`+(t.newly_accepted.length?`; newly accepted: ${t.newly_accepted.join(", ")}`:"")+(l.length?`; key changed on the relay of: ${l.join(", ")}`:"")+(t.last_error?` (last error: ${t.last_error})`:""));let i="";try{i=p(r.config)?.github_username??""}catch{i=""}let u=w(t.own_key,i||"LOGIN");u&&e.io.stderr.write(`${u}
`)}});function C(e,o){if(e===void 0)return E*1e3;let n=Number(e);return!/^\d+(\.\d+)?$/.test(e)||!(n>=.5)||n>600?o(`--budget takes seconds between 0.5 and 600, got '${e}'`):Math.round(n*1e3)}f(C,"parseBudget");var $={...d,async invoke(e,o,n){let r=await d.invoke(e,o,n);return setTimeout(()=>process.stdout.write("",()=>process.exit(r)),50).unref(),r}};c($);
