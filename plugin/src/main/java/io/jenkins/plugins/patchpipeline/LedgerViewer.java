package io.jenkins.plugins.patchpipeline;

import hudson.model.Item;
import hudson.model.Job;
import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;

/**
 * The part of the SLA ledger that the current user may see. Seeing the Patch Pipeline page needs
 * Overall/Read. A unit is shown when the user may read the job whose build first detected it. Units
 * from elsewhere, such as a deleted job or a CLI run that fed a shared ledger, are shown only to
 * administrators.
 */
interface LedgerViewer {
  /**
   * Throws when the user lacks Overall/Read.
   *
   * @throws org.springframework.security.access.AccessDeniedException when the user may not see the
   *     page
   */
  void checkPageAccess();

  boolean isAdministrator();

  /** Returns whether the user may read the job with this full name. */
  boolean canReadJob(String fullName);

  /** Returns the viewer of the user of the current request. */
  static LedgerViewer current() {
    return new LedgerViewer() {
      @Override
      public void checkPageAccess() {
        Jenkins.get().checkPermission(Jenkins.READ);
      }

      @Override
      public boolean isAdministrator() {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
      }

      @Override
      public boolean canReadJob(String fullName) {
        // getItemByFullName returns null for a job in a folder the user may not read, and throws
        // for a job they may discover but not read; the job's own Read is checked here too.
        try {
          Job<?, ?> job = Jenkins.get().getItemByFullName(fullName, Job.class);
          return job != null && job.hasPermission(Item.READ);
        } catch (AccessDeniedException e) {
          return false;
        }
      }
    };
  }
}
