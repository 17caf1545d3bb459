// Each test here runs real processes of a cluster; run side by side on a two-core machine they
// starve each other, and Akka's timing (failure detection, shutdown) starts to show in their
// output. One collection at a time keeps every test's processes to themselves; the whole suite
// still takes seconds.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
