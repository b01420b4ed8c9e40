// Hangfire keeps its logger and job storage in process-wide statics, so two app instances alive at once
// would share them; the app instances of this assembly therefore run one after another.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
