namespace ActorIpc.Scheduling;

/// <content>
/// The tick processing. Runs on the wheel thread only (or, with a manual clock, on the
/// thread calling <see cref="Advance"/>), so the buckets and the counters need no locks.
/// </content>
internal sealed partial class HashedWheelTimer
{
    private void Run()
    {
        while (!IsStopped)
        {
            var now = ElapsedTicks;
            var nextTickTime = (_tick + 1) * _tickTicks;
            if (now < nextTickTime)
            {
                // Rounded up: waking early only costs another loop, waking late costs latency.
                var waitMs = (nextTickTime - now + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
                _wakeUp.Wait((int)Math.Min(waitMs, int.MaxValue));
                continue;
            }

            ProcessDueTicks(now);
        }
    }

    private void ProcessDueTicks(long now)
    {
        var due = now / _tickTicks;
        _processing = true;
        try
        {
            while (_tick < due && !IsStopped)
            {
                if (IsIdle)
                {
                    // Nothing to fire: a wheel idle through a long pause (a suspended laptop)
                    // jumps to the present instead of walking every missed tick. An entry
                    // scheduled meanwhile has a deadline from the clock, hence not before it.
                    Volatile.Write(ref _tick, due);
                    break;
                }

                var tick = _tick + 1;
                TransferPending(tick);
                ProcessRemovals();
                ExpireBucket(tick);
                Volatile.Write(ref _tick, tick);
            }
        }
        finally
        {
            _processing = false;
        }
    }

    // Nothing to fire, place or unlink: ticks can be skipped.
    private bool IsIdle => _bucketedCount == 0 && _pending.IsEmpty && _removals.IsEmpty;

    private void TransferPending(long tick)
    {
        for (var i = 0; i < MaxTransfersPerTick && _pending.TryTake(out var entry); i++)
        {
            // An entry cancelled while pending is simply dropped: it never reaches a bucket. Most
            // are (Asks answered within a tick): a plain read spares them the interlocked write.
            if (!entry.IsCancelled && entry.TryMarkInBucket())
            {
                // An entry whose deadline tick already passed (it waited in the queue) goes
                // into the bucket about to be processed, never into one a turn away.
                Place(entry, Math.Max(TickOf(entry.DeadlineTime), tick));
            }
        }
    }

    private void ProcessRemovals()
    {
        for (var i = 0; i < MaxTransfersPerTick && _removals.TryDequeue(out var entry); i++)
        {
            // Not in a bucket when the expiry pass already unlinked the cancelled entry.
            if (entry.DeadlineTick != TimerEntry.NotInBucket)
            {
                _buckets[entry.DeadlineTick & _mask].Remove(entry);
                _bucketedCount--;
            }
        }
    }

    private void ExpireBucket(long tick)
    {
        var bucket = _buckets[tick & _mask];
        var entry = bucket.Head;
        while (entry is not null && !IsStopped)
        {
            // Read first: firing may re-arm the entry at this bucket's tail.
            var next = entry.Next;
            if (entry.IsCancelled)
            {
                bucket.Remove(entry);
                _bucketedCount--;
            }
            else if (entry.DeadlineTick <= tick)
            {
                bucket.Remove(entry);
                _bucketedCount--;

                // Loses to a concurrent Cancel, which then returned true: the entry must not fire.
                if (entry.TryMarkFiring())
                {
                    Fire(entry, tick);
                }
            }

            // Otherwise its remaining rounds are not zero: it waits for a later turn.
            entry = next;
        }
    }

    private void Fire(TimerEntry entry, long tick)
    {
        try
        {
            entry.Expire();
        }
        catch (Exception exception)
        {
            Report(exception);
        }

        if (entry.IsPeriodic)
        {
            Rearm(entry, tick);
        }
    }

    private void Rearm(TimerEntry entry, long tick)
    {
        // The next deadline follows the intended one, not the time the entry actually ran,
        // so the cadence does not drift. Beats already past by the clock (the wheel is
        // catching up after a pause, or the period is shorter than a tick) are skipped
        // rather than fired in a burst; the later beats stay on the original grid.
        var period = entry.PeriodTicks;
        var now = Math.Max(tick * _tickTicks, ElapsedTicks);
        var next = entry.DeadlineTime > long.MaxValue - period ? long.MaxValue : entry.DeadlineTime + period;
        if (next <= now)
        {
            next += ((now - next) / period + 1) * period;
        }

        entry.DeadlineTime = next;
        if (entry.TryMarkRearmed())
        {
            Place(entry, Math.Max(TickOf(next), tick + 1));
        }
    }

    private void Place(TimerEntry entry, long tick)
    {
        entry.DeadlineTick = tick;
        _buckets[tick & _mask].Add(entry);
        _bucketedCount++;
    }

    private long TickOf(long time) => (time / _tickTicks) + (time % _tickTicks == 0 ? 0 : 1);

    private void Report(Exception exception)
    {
        try
        {
            _onError(exception);
        }
        catch (Exception)
        {
            // The callback is the last place an error can go; if it throws too there is
            // nowhere left to report, and stopping the wheel would time out every Ask of
            // the process instead of losing one report.
        }
    }
}
