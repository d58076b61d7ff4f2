using ContactKit.Interactions;
using ContactKit.Testing;
using ContactKit.Testing.Conformance;

namespace ContactKit.Interactions.Tests.Providers;

public sealed class InMemoryInteractionStoreContractTests : InteractionStoreContractTests
{
    protected override IInteractionStore CreateStore() => new InMemoryInteractionStore();
}

public sealed class InMemoryArtefactStoreContractTests : ArtefactStoreContractTests
{
    protected override IArtefactStore CreateStore() => new InMemoryArtefactStore();
}

public sealed class InMemoryDeletionRequestStoreContractTests : DeletionRequestStoreContractTests
{
    protected override IDeletionRequestStore CreateStore() => new InMemoryDeletionRequestStore();
}

public sealed class InMemoryArtefactContentProviderContractTests : ArtefactContentProviderContractTests
{
    protected override IArtefactContentProvider CreateProvider() => new InMemoryArtefactContentProvider();

    protected override ValueTask PutAsync(IArtefactContentProvider provider, StoredArtefact artefact, byte[] content)
    {
        ((InMemoryArtefactContentProvider)provider).Put(artefact.Tenant, artefact.Location!, content);
        return ValueTask.CompletedTask;
    }
}

public sealed class InMemoryArtefactAnonymiserContractTests : ArtefactAnonymiserContractTests
{
    protected override IArtefactAnonymiser CreateAnonymiser() => new InMemoryArtefactContentProvider();

    protected override ValueTask PutAsync(IArtefactAnonymiser anonymiser, StoredArtefact artefact, byte[] content)
    {
        ((InMemoryArtefactContentProvider)anonymiser).Put(artefact.Tenant, artefact.Location!, content);
        return ValueTask.CompletedTask;
    }

    protected override ValueTask<bool> IsKeptAsync(IArtefactAnonymiser anonymiser, StoredArtefact artefact) =>
        ValueTask.FromResult(((InMemoryArtefactContentProvider)anonymiser).Contains(artefact.Tenant, artefact.Location!));
}
