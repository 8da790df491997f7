#pragma once

// What the libgit2-based classes of models/sources share: one-time initialisation and owning
// pointers for libgit2 objects. Internal to models/sources (not included from headers).

#include <QtGlobal>

#include <git2.h>

#include <memory>

namespace Gantry::Sources::Git {

// libgit2 is initialised once per process and never shut down: other threads may still use it
// while the process exits.
inline void ensureInitialised()
{
    static const int initialised = git_libgit2_init();
    Q_UNUSED(initialised);
}

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *object) const { Free(object); }
};

using RepositoryPtr = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using RemotePtr = std::unique_ptr<git_remote, Deleter<git_remote, git_remote_free>>;
using CommitPtr = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using DiffPtr = std::unique_ptr<git_diff, Deleter<git_diff, git_diff_free>>;
using IndexPtr = std::unique_ptr<git_index, Deleter<git_index, git_index_free>>;
using SignaturePtr = std::unique_ptr<git_signature, Deleter<git_signature, git_signature_free>>;
using ReferencePtr = std::unique_ptr<git_reference, Deleter<git_reference, git_reference_free>>;
using ObjectPtr = std::unique_ptr<git_object, Deleter<git_object, git_object_free>>;
using ConfigPtr = std::unique_ptr<git_config, Deleter<git_config, git_config_free>>;

} // namespace Gantry::Sources::Git
