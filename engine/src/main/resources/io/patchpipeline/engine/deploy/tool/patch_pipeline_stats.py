# Ansible callback that writes each host's final counters to the JSON file named by the
# PATCH_PIPELINE_STATS environment variable, in the shape of the "stats" key of the
# ansible.posix.json callback, plus the message of the host's last failed task.
from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = '''
    name: patch_pipeline_stats
    type: aggregate
    short_description: Writes per-host play counters to a JSON file
    description:
      - Writes ok, changed, failures, unreachable and skipped counts per host.
    requirements:
      - the PATCH_PIPELINE_STATS environment variable names the output file
'''


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'aggregate'
    CALLBACK_NAME = 'patch_pipeline_stats'
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super(CallbackModule, self).__init__()
        self._messages = {}

    def _remember(self, result):
        message = result._result.get('msg') or result._result.get('stderr') or ''
        self._messages[result._host.get_name()] = str(message)[:500]

    def v2_runner_on_failed(self, result, ignore_errors=False):
        if not ignore_errors:
            self._remember(result)

    def v2_runner_on_unreachable(self, result):
        self._remember(result)

    def v2_playbook_on_stats(self, stats):
        hosts = {}
        for host in sorted(stats.processed.keys()):
            counters = stats.summarize(host)
            counters['msg'] = self._messages.get(host, '')
            hosts[host] = counters
        with open(os.environ['PATCH_PIPELINE_STATS'], 'w') as out:
            json.dump({'stats': hosts}, out)
