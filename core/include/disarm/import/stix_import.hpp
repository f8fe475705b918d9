// The importer of a DISARM STIX 2.1 bundle (upstream's generated_files/DISARM_STIX/DISARM.json,
// or one of the same shape): tactics (x-mitre-tactic), techniques (attack-pattern), their
// sub-technique relations (relationship "subtechnique-of") and the red matrix's column order
// (x-mitre-matrix), turned into FrameworkData.
//
// A bundle carries less than upstream's pages: no phases, incidents, counters or the other
// kinds, and no technique fields. What it does carry maps as follows:
//   x-mitre-tactic   -> tactic: the DISARM ID from external_references, name, description
//   attack-pattern   -> technique: likewise; kill_chain_phases[].phase_name names its tactic
//                       by the tactic's x_mitre_shortname
//   subtechnique-of  -> technique-parent (source_ref is the sub-technique)
//   x-mitre-matrix   -> the red matrix: tactic_refs in order, each column's cells the
//                       techniques of that tactic in ID order
// Never throws. Anything the importer cannot place is a warning located at its JSON path
// ("/objects/12/kill_chain_phases/0/phase_name"), and the import carries on.
#pragma once

#include <string>
#include <string_view>

#include "disarm/import/importer.hpp"
#include "disarm/result.hpp"

namespace disarm {

// Where upstream publishes its bundle: the default source of a STIX import.
inline constexpr std::string_view kUpstreamStixSource =
    "https://github.com/DISARMFoundation/DISARMframeworks (generated_files/DISARM_STIX/DISARM.json)";

// upstream_provenance() with a credit line that names the bundle rather than the pages.
Provenance upstream_stix_provenance(std::string source, std::string commit, std::string date);

// Malformed JSON, a document that is not a STIX bundle, or a bundle with no DISARM tactic or
// technique in it is an Error located at a JSON path or "line L, column C". The result's
// pages_recognised is 0: a bundle is no pages tree.
Result<ImportResult> import_stix_bundle(std::string_view json, const Provenance& provenance);

class JsonTree;  // core/src/json_tree.hpp: the document a DataFile (data_file.hpp) parsed
// import_stix_bundle of a document already parsed.
Result<ImportResult> read_stix_bundle(const JsonTree& tree, const Provenance& provenance);

}  // namespace disarm
