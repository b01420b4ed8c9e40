using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace TrainingHub.TestKit;

/// <summary>Records the background jobs a module asks for instead of queueing them; a test runs a job by calling it.</summary>
public sealed class RecordingJobClient : IBackgroundJobClient
{
    private readonly List<Job> _jobs = [];

    public IReadOnlyList<Job> Jobs
    {
        get
        {
            lock (_jobs)
            {
                return [.. _jobs];
            }
        }
    }

    public string Create(Job job, IState state)
    {
        lock (_jobs)
        {
            _jobs.Add(job);
            return _jobs.Count.ToString();
        }
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
