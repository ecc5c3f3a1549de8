/**
 * The Patch Pipeline engine: every decision and external protocol, with no Jenkins types. Packages
 * follow the stages and may only depend on those before them: core, http, report, intel, asset,
 * policy, record, ticket, triage, deploy, verify, evidence, ledger, and service at the top.
 */
package io.patchpipeline.engine;
