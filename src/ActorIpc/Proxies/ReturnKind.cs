namespace ActorIpc;

/// <summary>What a method of a published object's interface returns: the four shapes a proxy can call.</summary>
internal enum ReturnKind
{
    /// <summary><see cref="System.Threading.Tasks.Task"/>: the call completes with an acknowledgement.</summary>
    Task,

    /// <summary><see cref="System.Threading.Tasks.Task{TResult}"/>: the call completes with the result.</summary>
    TaskOfResult,

    /// <summary><see cref="System.Threading.Tasks.ValueTask"/>: as <see cref="Task"/>.</summary>
    ValueTask,

    /// <summary><see cref="System.Threading.Tasks.ValueTask{TResult}"/>: as <see cref="TaskOfResult"/>.</summary>
    ValueTaskOfResult,
}
