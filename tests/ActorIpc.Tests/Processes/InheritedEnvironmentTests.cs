using ActorIpc.Hosting;

namespace ActorIpc.Tests.Processes;

/// <summary>
/// What a child inherits of variables this process sets for itself. Alone, after every other
/// test: a node that another test starts meanwhile would read them (ACTORIPC_SECRET).
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class InheritedEnvironmentTests
{
    [Fact]
    public void Create_ParentWithASecretVariableOfItsOwn_HandsTheFleetsSecretOrNone()
    {
        var process = ChildEnvironmentTests.Process("actoripc.processes.tool.program = /usr/bin/tool");
        var before = Environment.GetEnvironmentVariable(ChildIdentity.SecretVariable);
        Environment.SetEnvironmentVariable(ChildIdentity.SecretVariable, "inherited");
        try
        {
            var none = ChildCommand.Create(process, new ChildIdentity("tool", 0, []), "seed", "", ChildEnvironmentTests.WithoutSetpriv);
            var fleets = ChildCommand.Create(process, new ChildIdentity("tool", 0, []), "seed", "the-fleets", ChildEnvironmentTests.WithoutSetpriv);

            Assert.False(none.Environment.ContainsKey(ChildIdentity.SecretVariable));
            Assert.Equal("the-fleets", fleets.Environment[ChildIdentity.SecretVariable]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChildIdentity.SecretVariable, before);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}
