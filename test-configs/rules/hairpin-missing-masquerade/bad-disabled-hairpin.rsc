# The hairpin masquerade is there but disabled: enabling it is the fix, not a new rule.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface list add name=WAN
/interface list member add interface=ether1 list=WAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=203.0.113.2/24 interface=ether1
/ip route add gateway=203.0.113.1
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=srcnat action=masquerade src-address=192.168.88.0/24 dst-address=192.168.88.10 protocol=tcp dst-port=80 out-interface=bridge comment="hairpin NAS" disabled=yes
/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=80 action=dst-nat to-addresses=192.168.88.10 # expect: hairpin-missing-masquerade
