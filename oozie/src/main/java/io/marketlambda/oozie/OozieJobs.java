package io.marketlambda.oozie;

import java.util.Properties;
import org.apache.oozie.client.OozieClient;
import org.apache.oozie.client.OozieClientException;

/**
 * Submits and queries jobs on an Oozie server through its REST API ({@link OozieClient}).
 *
 * <p>Not thread-safe: one instance per command.
 */
public final class OozieJobs {
  private final String url;
  private final OozieClient client;

  /**
   * @param url the server's base URL, e.g. {@code http://oozie:11000/oozie}
   */
  public OozieJobs(String url) {
    this.url = url;
    this.client = new OozieClient(url);
  }

  /**
   * Submits and starts a job (a coordinator with {@code oozie.coord.application.path}, a workflow
   * with {@code oozie.wf.application.path}). {@code user.name} defaults to the local user.
   *
   * @return the job id the server assigned, e.g. {@code 0000001-260106000000000-oozie-oozi-C}
   * @throws OozieException naming the server when it refuses the job or cannot be reached
   */
  public String run(JobProperties job) {
    Properties properties = job.requireComplete().toProperties();
    properties.putIfAbsent(OozieClient.USER_NAME, System.getProperty("user.name"));
    try {
      return client.run(properties);
    } catch (OozieClientException e) {
      throw failure("submit the job", e);
    }
  }

  /**
   * Returns the status of a job, e.g. {@code RUNNING}, {@code SUCCEEDED}, {@code KILLED}.
   *
   * @throws OozieException naming the server and job when the server fails or does not know it
   */
  public String status(String jobId) {
    try {
      return client.getStatus(jobId);
    } catch (OozieClientException e) {
      throw failure("read the status of job " + jobId, e);
    }
  }

  private OozieException failure(String what, OozieClientException e) {
    return new OozieException(
        "Cannot " + what + " at " + url + ": " + e.getErrorCode() + " " + e.getMessage(), e);
  }
}
