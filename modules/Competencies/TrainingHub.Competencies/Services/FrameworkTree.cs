using Microsoft.EntityFrameworkCore;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Competencies.Services;

/// <summary>
/// Changing the tree of areas and competencies of a draft: add, edit (both languages, code, kind, related
/// competencies), move under another parent or among siblings, and delete with everything under it. Each change loads
/// the version's nodes and applies <see cref="TreeRules"/> to them.
/// </summary>
internal sealed class FrameworkTree(IDbContextFactory<CompetenciesDbContext> dbFactory, FrameworkCatalogue catalogue, ICompetencyUsage usage)
{
    /// <summary>Adds a node as the last child of the parent (null: at the top); answers its id.</summary>
    public async Task<Result<Guid>> AddAsync(Guid versionId, Guid? parentId, NodeInput input, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var draft = await catalogue.FindDraftAsync(db, versionId, cancellationToken);
        if (draft.Failed(out var error))
        {
            return error;
        }
        var nodes = await db.Nodes.Where(n => n.FrameworkVersionId == versionId).ToListAsync(cancellationToken);
        var errors = Check(nodes, input, existing: null);
        if (TreeRules.CheckParent(nodes, input.Kind, parentId) is { } parentError)
        {
            errors.Add(new("ParentId", parentError));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        var node = new CompetencyNode { FrameworkVersionId = versionId, Code = "", Name = "" };
        Apply(input, node);
        TreeRules.Place(nodes, node, parentId, position: null);
        db.Nodes.Add(node);
        db.NodeReferences.AddRange(input.RelatedIds.Distinct().Select(id => new NodeReference { NodeId = node.Id, RelatedNodeId = id }));
        return await db.SaveOrErrorAsync(cancellationToken) is { } notSaved ? notSaved : node.Id;
    }

    /// <summary>Changes a node's code, kind, texts and related competencies.</summary>
    public async Task<Result> UpdateAsync(Guid nodeId, NodeInput input, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await LoadAsync(db, nodeId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var (node, nodes) = found.Value;
        var errors = Check(nodes, input, node);
        if (TreeRules.CheckKindChange(nodes, node, input.Kind) is { } kindError)
        {
            errors.Add(new(nameof(NodeInput.Kind), kindError));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        db.Entry(node).Property(n => n.Version).OriginalValue = version;
        Apply(input, node);
        var references = await db.NodeReferences.Where(r => r.NodeId == nodeId).ToListAsync(cancellationToken);
        var wanted = input.RelatedIds.ToHashSet();
        db.NodeReferences.RemoveRange(references.Where(r => !wanted.Contains(r.RelatedNodeId)));
        db.NodeReferences.AddRange(wanted.Except(references.Select(r => r.RelatedNodeId)).Select(id => new NodeReference { NodeId = nodeId, RelatedNodeId = id }));
        // A change to the references alone must still stamp the node, so that a stale editor notices it.
        db.Entry(node).State = EntityState.Modified;
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Moves a node (with everything under it) under a parent (null: the top) at a position among its new siblings (null: last).</summary>
    public async Task<Result> MoveAsync(Guid nodeId, Guid? parentId, int? position, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await LoadAsync(db, nodeId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var (node, nodes) = found.Value;
        if (TreeRules.CheckParent(nodes, node.Kind, parentId, movingId: nodeId) is { } parentError)
        {
            return Error.Validation("ParentId", parentError);
        }
        db.Entry(node).Property(n => n.Version).OriginalValue = version;
        TreeRules.Place(nodes, node, parentId, position);
        db.Entry(node).State = EntityState.Modified;
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Moves a node up (negative) or down (positive) among its siblings.</summary>
    public async Task<Result> ShiftAsync(Guid nodeId, int offset, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await LoadAsync(db, nodeId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var (node, nodes) = found.Value;
        var siblings = TreeRules.Children(nodes, node.ParentId);
        var position = siblings.IndexOf(node) + offset;
        if (position < 0 || position >= siblings.Count)
        {
            return Error.Rule("Error:CannotMoveFurther");
        }
        db.Entry(node).Property(n => n.Version).OriginalValue = version;
        TreeRules.Place(nodes, node, node.ParentId, position);
        db.Entry(node).State = EntityState.Modified;
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>Deletes a node with everything under it, unless people's ratings use one of those competencies.</summary>
    public async Task<Result> DeleteAsync(Guid nodeId, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await LoadAsync(db, nodeId, cancellationToken);
        if (found.Failed(out var error))
        {
            return error;
        }
        var (node, nodes) = found.Value;
        var subtree = TreeRules.Descendants(nodes, nodeId).Append(nodeId).ToHashSet();
        var removed = nodes.Where(n => subtree.Contains(n.Id)).ToList();
        if ((await usage.FindRatedAsync(removed.Select(n => n.LineageId).ToList(), cancellationToken)).Count > 0)
        {
            return Error.Rule("Error:CompetencyHasRatings");
        }
        db.Entry(node).Property(n => n.Version).OriginalValue = version;
        var references = await db.NodeReferences.Where(r => subtree.Contains(r.NodeId) || subtree.Contains(r.RelatedNodeId)).ToListAsync(cancellationToken);
        db.NodeReferences.RemoveRange(references);
        db.Nodes.RemoveRange(removed);
        TreeRules.Renumber(TreeRules.Children(nodes.Where(n => !subtree.Contains(n.Id)), node.ParentId));
        return await db.SaveOrErrorAsync(cancellationToken) ?? Result.Success();
    }

    /// <summary>A node of a draft with all the nodes of its version, tracked for changing.</summary>
    private async Task<Result<(CompetencyNode Node, List<CompetencyNode> Nodes)>> LoadAsync(CompetenciesDbContext db, Guid nodeId, CancellationToken cancellationToken)
    {
        var versionId = await db.Nodes.Where(n => n.Id == nodeId).Select(n => (Guid?)n.FrameworkVersionId).SingleOrDefaultAsync(cancellationToken);
        if (versionId is null)
        {
            return catalogue.CanEdit ? Error.NotFound : Error.Forbidden;
        }
        var draft = await catalogue.FindDraftAsync(db, versionId.Value, cancellationToken);
        if (draft.Failed(out var error))
        {
            return error;
        }
        var nodes = await db.Nodes.Where(n => n.FrameworkVersionId == versionId).ToListAsync(cancellationToken);
        return (nodes.Single(n => n.Id == nodeId), nodes);
    }

    private static List<FieldError> Check(IReadOnlyCollection<CompetencyNode> nodes, NodeInput input, CompetencyNode? existing)
    {
        var errors = FrameworkRules.CheckCode(input.Code, nameof(NodeInput.Code));
        errors.AddRange(FrameworkRules.CheckTexts(input.Name, input.NameEn, input.Description, input.DescriptionEn));
        if (errors.Count == 0 && TreeRules.CodeTaken(nodes, input.Code, existing?.Id))
        {
            errors.Add(new(nameof(NodeInput.Code), "Error:NodeCodeTaken"));
        }
        var competencies = nodes.Where(n => n.Kind == NodeKind.Competency).Select(n => n.Id).ToHashSet();
        if (input.RelatedIds.Any(id => id == existing?.Id || !competencies.Contains(id)))
        {
            errors.Add(new(nameof(NodeInput.RelatedIds), "Error:RelatedNotCompetency"));
        }
        return errors;
    }

    private static void Apply(NodeInput input, CompetencyNode node)
    {
        node.Kind = input.Kind;
        node.Code = input.Code.Trim();
        node.NormalizedCode = CompetencyFramework.Normalize(input.Code);
        node.Name = input.Name.Trim();
        node.NameEn = FrameworkRules.Clean(input.NameEn);
        node.Description = FrameworkRules.Clean(input.Description);
        node.DescriptionEn = FrameworkRules.Clean(input.DescriptionEn);
    }
}
